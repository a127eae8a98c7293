DROP VIEW IF EXISTS v_open_orders;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_open_orders AS
  SELECT o.id, o.customer_id, o.total, o.created_at
    FROM orders o
   WHERE o.status IN ('new', 'paid');
