<?php
// A Drupal 7 settings.php reading the branch database Slipway hands over (as docs/data.md shows).
$databases['default']['default'] = array(
  'driver' => 'mysql',
  'database' => getenv('DB_NAME'),
  'username' => getenv('DB_USER'),
  'password' => getenv('DB_PASSWORD'),
  'host' => getenv('DB_HOST'),
  'port' => getenv('DB_PORT'),
  'prefix' => '',
);
$drupal_hash_salt = 'slipway-tests';
