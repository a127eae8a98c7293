DROP EVENT IF EXISTS ev_daily_stats;
DELIMITER $$
CREATE EVENT ev_daily_stats
  ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 02:00:00'
  ON COMPLETION PRESERVE
  DISABLE
  COMMENT 'roll up yesterday''s orders'
DO
BEGIN
  INSERT INTO daily_stats (day, orders, revenue)
  SELECT DATE(created_at), COUNT(*), SUM(total) FROM orders
   WHERE created_at >= CURDATE() - INTERVAL 1 DAY AND created_at < CURDATE()
   GROUP BY DATE(created_at)
  ON DUPLICATE KEY UPDATE orders = VALUES(orders), revenue = VALUES(revenue);
END$$
DELIMITER ;
