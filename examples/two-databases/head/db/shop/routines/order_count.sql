DROP FUNCTION IF EXISTS order_count;
DELIMITER $$
CREATE FUNCTION order_count(p_customer INT) RETURNS INT
READS SQL DATA
BEGIN
  -- cancelled orders no longer count
  DECLARE n INT;
  SELECT COUNT(*) INTO n FROM orders WHERE customer_id = p_customer AND status <> 'cancelled';
  RETURN n;
END$$
DELIMITER ;
