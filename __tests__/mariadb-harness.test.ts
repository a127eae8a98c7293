import { expect, test } from '@jest/globals'
import { mariadb } from './helpers/mariadb-server.js'

test('the private MariaDB answers through the real client', () => {
  expect(mariadb('SELECT 40 + 2').trim()).toBe('42')
})
