<?php

declare(strict_types=1);

require __DIR__ . '/RedisValue.php';

header('Content-Type: text/html; charset=utf-8');
$host = getenv('REDIS_HOST') ?: 'localhost';
$port = (int) (getenv('REDIS_PORT') ?: 6379);
try {
    $redis = new RedisValue($host, $port);
    $redis->set('services-site:greeting', 'stored in Redis at ' . gmdate('H:i:s'));
    $said = 'Redis says: ' . $redis->get('services-site:greeting');
} catch (RuntimeException $exception) {
    http_response_code(503);
    $said = $exception->getMessage();
}
?>
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Services site</title></head>
<body>
<h1>Services site</h1>
<p id="redis"><?= htmlspecialchars($said) ?></p>
</body>
</html>
