DROP PROCEDURE IF EXISTS archive_orders;
DELIMITER $$
CREATE PROCEDURE archive_orders(IN p_days INT)
BEGIN
  -- move old delivered orders into the archive; both statements use the same cut-off
  DECLARE v_cutoff DATETIME DEFAULT NOW() - INTERVAL p_days DAY;
  INSERT INTO orders_archive (id, customer_id, total, status, created_at)
    SELECT id, customer_id, total, status, created_at
      FROM orders
     WHERE status = 'delivered' AND created_at < v_cutoff;
  DELETE FROM orders WHERE status = 'delivered' AND created_at < v_cutoff;
END$$
DELIMITER ;
