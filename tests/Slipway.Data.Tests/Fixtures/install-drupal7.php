<?php
// Installs the Drupal 7 site in the current folder without a browser (what drush site-install does).
// The database account and the admin's password come from the environment, never the command line.
define('DRUPAL_ROOT', getcwd());
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
$_SERVER['SCRIPT_NAME'] = '/install.php';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_SOFTWARE'] = 'slipway-tests';
define('MAINTENANCE_MODE', 'install');
require_once DRUPAL_ROOT . '/includes/install.core.inc';

install_drupal(array(
  'interactive' => FALSE,
  'parameters' => array('profile' => 'minimal', 'locale' => 'en'),
  'forms' => array(
    'install_settings_form' => array(
      'driver' => 'mysql',
      'mysql' => array(
        'database' => getenv('DB_NAME'), 'username' => getenv('DB_USER'), 'password' => getenv('DB_PASSWORD'),
        'host' => getenv('DB_HOST'), 'port' => getenv('DB_PORT'), 'db_prefix' => '',
      ),
    ),
    'install_configure_form' => array(
      'site_name' => getenv('SITE_NAME'),
      'site_mail' => getenv('ADMIN_MAIL'),
      'account' => array(
        'name' => 'admin', 'mail' => getenv('ADMIN_MAIL'),
        'pass' => array('pass1' => getenv('ADMIN_PASSWORD'), 'pass2' => getenv('ADMIN_PASSWORD')),
      ),
      'clean_url' => TRUE,
    ),
  ),
));
print "installed\n";
