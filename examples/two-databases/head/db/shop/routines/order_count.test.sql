-- Not deployed (excluded by defaults.exclude): a manual check for reviewers.
SELECT order_count(1);
