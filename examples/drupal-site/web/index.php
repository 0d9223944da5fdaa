<?php

/**
 * Front controller: every request that is not a file ends up here (see .htaccess).
 */

declare(strict_types=1);

use Drupal\site_status\BuildInfoReader;
use Drupal\site_status\StatusPage;
use Slipway\Greeting\Greeter;

require __DIR__ . '/../vendor/autoload.php';

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH);
$page = new StatusPage('/themes/custom/harbour/dist');
header('Content-Type: text/html; charset=utf-8');

if (!in_array($path, ['/', '/index.php'], true)) {
    http_response_code(404);
    echo $page->renderNotFound(is_string($path) ? $path : '/');
    return;
}

$build = (new BuildInfoReader())->read(__DIR__ . '/../.slipway/build.json', getenv());
echo $page->render($build, (new Greeter())->greet('visitor', new DateTimeImmutable()));
