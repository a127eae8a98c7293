DROP TRIGGER IF EXISTS orders_au;
DELIMITER $$
CREATE TRIGGER orders_au AFTER UPDATE ON orders
FOR EACH ROW
BEGIN
  IF NEW.status <> OLD.status THEN
    INSERT INTO audit_log (table_name, row_id, action, detail)
    VALUES ('orders', NEW.id, 'status', CONCAT(OLD.status, ' -> ', NEW.status));
  END IF;
END$$
DELIMITER ;
