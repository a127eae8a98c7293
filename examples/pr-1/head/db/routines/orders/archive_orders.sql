DROP PROCEDURE IF EXISTS archive_orders;
DELIMITER $$
CREATE PROCEDURE archive_orders(IN p_days INT, OUT p_archived INT)
BEGIN
  -- move old delivered or cancelled orders into the archive
  DECLARE v_cutoff DATETIME DEFAULT NOW() - INTERVAL p_days DAY;
  INSERT INTO orders_archive (id, customer_id, total, status, created_at)
    SELECT id, customer_id, total, status, created_at
      FROM orders
     WHERE status IN ('delivered', 'cancelled') AND created_at < v_cutoff;
  SET p_archived = ROW_COUNT();
  DELETE FROM orders WHERE status IN ('delivered', 'cancelled') AND created_at < v_cutoff;
END$$
DELIMITER ;
