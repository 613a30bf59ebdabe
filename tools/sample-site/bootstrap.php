<?php
/* Shared by the CLI scripts: make Debian's wp-config.php find config-fora-sample.php
 * and make WordPress believe it runs behind http://127.0.0.1:PORT. */
$origin = getenv( 'FORA_ORIGIN' ) ?: 'http://127.0.0.1:8089';
$_SERVER['HTTP_HOST']        = parse_url( $origin, PHP_URL_HOST ) . ':' . parse_url( $origin, PHP_URL_PORT );
$_SERVER['SERVER_NAME']      = parse_url( $origin, PHP_URL_HOST );
$_SERVER['SERVER_PORT']      = parse_url( $origin, PHP_URL_PORT );
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['REQUEST_METHOD']   = 'GET';
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' ) ?: 'fora-sample';
