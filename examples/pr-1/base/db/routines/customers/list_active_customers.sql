-- Customers shown in the back office list.
DROP PROCEDURE IF EXISTS list_active_customers;
DELIMITER $$
CREATE PROCEDURE list_active_customers(IN p_limit INT)
    READS SQL DATA
    SQL SECURITY INVOKER
BEGIN
  SELECT id, name, email FROM customers WHERE status = 'active' ORDER BY name LIMIT p_limit;
END$$
DELIMITER ;
