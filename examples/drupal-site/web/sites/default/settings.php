<?php

/**
 * Site settings, read from the environment so that one image serves every branch.
 *
 * DATABASE_URL (mysql://user:password@host:3306/name) points at the shared development
 * database; without it the site runs without one.
 */

declare(strict_types=1);

$settings = [];
$databases = [];

$settings['config_sync_directory'] = '../config/sync';
$settings['hash_salt'] = getenv('DRUPAL_HASH_SALT') ?: 'slipway-example-not-secret';
$settings['trusted_host_patterns'] = ['^localhost$', '\.localhost$', '^127\.0\.0\.1$'];

$databaseUrl = getenv('DATABASE_URL');
if (is_string($databaseUrl) && $databaseUrl !== '') {
    $parts = parse_url($databaseUrl);
    $databases['default']['default'] = [
        'driver' => $parts['scheme'] ?? 'mysql',
        'host' => $parts['host'] ?? 'localhost',
        'port' => $parts['port'] ?? 3306,
        'username' => urldecode($parts['user'] ?? ''),
        'password' => urldecode($parts['pass'] ?? ''),
        'database' => ltrim($parts['path'] ?? '', '/'),
        'prefix' => '',
    ];
}
