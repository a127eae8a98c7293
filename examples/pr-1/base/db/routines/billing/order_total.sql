DROP FUNCTION IF EXISTS order_total;
DELIMITER $$
CREATE FUNCTION order_total(p_order_id INT) RETURNS DECIMAL(12,2)
    READS SQL DATA
    DETERMINISTIC
    COMMENT 'sum of the order lines'
BEGIN
  DECLARE v_total DECIMAL(12,2);
  SELECT COALESCE(SUM(qty * price), 0) INTO v_total FROM order_items WHERE order_id = p_order_id;
  RETURN v_total;
END$$
DELIMITER ;
