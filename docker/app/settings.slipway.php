<?php

/**
 * @file
 * Slipway's settings for a Drupal site (7, 8 and later), read from the environment Slipway gives the
 * playground, the test task and the build hooks. The app image holds it at
 * /usr/local/share/slipway/settings.slipway.php; a site's settings.php includes it at its end:
 *
 *   if (file_exists('/usr/local/share/slipway/settings.slipway.php')) {
 *     include '/usr/local/share/slipway/settings.slipway.php';
 *   }
 *
 * It sets the default database from DATABASE_URL, else DB_HOST, DB_PORT, DB_NAME, DB_USER and
 * DB_PASSWORD (each secret may come as a file instead: DATABASE_URL_FILE, DB_PASSWORD_FILE), and only
 * when one is given, so a site without a database still reaches Drupal's installer. It gives the site
 * a hash salt when settings.php has none. It changes nothing else.
 */

$slipway_env = static function (string $name): ?string {
  $value = getenv($name);
  if (is_string($value) && $value !== '') {
    return $value;
  }
  $file = getenv($name . '_FILE');
  if (is_string($file) && $file !== '' && is_readable($file)) {
    return rtrim((string) file_get_contents($file), "\r\n");
  }
  return NULL;
};

$slipway_database = NULL;
if (($slipway_url = $slipway_env('DATABASE_URL')) !== NULL && ($slipway_parts = parse_url($slipway_url)) !== FALSE) {
  $slipway_database = [
    'database' => rawurldecode(ltrim($slipway_parts['path'] ?? '', '/')),
    'username' => rawurldecode($slipway_parts['user'] ?? ''),
    'password' => rawurldecode($slipway_parts['pass'] ?? ''),
    'host' => $slipway_parts['host'] ?? 'localhost',
    'port' => (string) ($slipway_parts['port'] ?? '3306'),
  ];
}
elseif (($slipway_name = $slipway_env('DB_NAME')) !== NULL) {
  $slipway_database = [
    'database' => $slipway_name,
    'username' => $slipway_env('DB_USER') ?? '',
    'password' => $slipway_env('DB_PASSWORD') ?? '',
    'host' => $slipway_env('DB_HOST') ?? 'localhost',
    'port' => $slipway_env('DB_PORT') ?? '3306',
  ];
}

if ($slipway_database !== NULL && $slipway_database['database'] !== '') {
  $slipway_database += ['driver' => 'mysql', 'prefix' => ''];
  // Drupal 9.4 and later keep the MySQL driver in a core module and need to be told where.
  $slipway_root = defined('DRUPAL_ROOT') ? DRUPAL_ROOT : ($app_root ?? getcwd());
  if (is_dir($slipway_root . '/core/modules/mysql/src/Driver/Database/mysql')) {
    $slipway_database['namespace'] = 'Drupal\\mysql\\Driver\\Database\\mysql';
    $slipway_database['autoload'] = 'core/modules/mysql/src/Driver/Database/mysql/';
  }
  $databases['default']['default'] = $slipway_database;
}

// A hash salt of the site's own when it has none: stable for the branch's database, never shared.
$slipway_salt = hash('sha256', 'slipway:' . ($slipway_database['database'] ?? '') . ':' . ($slipway_database['password'] ?? '') . ':' . (getenv('SLIPWAY_APP') ?: ''));
if (defined('VERSION') && version_compare(VERSION, '8', '<')) {
  if (empty($drupal_hash_salt)) {
    $drupal_hash_salt = $slipway_salt;
  }
}
elseif (empty($settings['hash_salt'])) {
  $settings['hash_salt'] = $slipway_salt;
}

unset($slipway_env, $slipway_database, $slipway_url, $slipway_parts, $slipway_name, $slipway_root, $slipway_salt);
