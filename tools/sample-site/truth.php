<?php
/* Step 6: dump the ground truth from WordPress's database as JSON on stdout. */
require __DIR__ . '/bootstrap.php';
require '/usr/share/wordpress/wp-load.php';

function rel( $url ) {
	return wp_make_link_relative( $url );
}
/* Plain text: tags stripped, entities decoded, lines trimmed, at most one blank line in a row. */
function plain( $html ) {
	$t = wp_strip_all_tags( $html );
	$t = html_entity_decode( $t, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	$t = str_replace( array( "\r\n", "\r" ), "\n", $t );
	$t = implode( "\n", array_map( 'trim', explode( "\n", $t ) ) );
	$t = preg_replace( "/\n{3,}/", "\n\n", $t );
	return trim( $t );
}
function utc( $mysql_gmt ) {
	return str_replace( ' ', 'T', $mysql_gmt ) . 'Z';
}
function comment_page_url( $post_id, $n ) {
	$base = get_permalink( $post_id );
	if ( 1 === $n ) {
		return rel( $base );
	}
	global $wp_rewrite;
	return rel( user_trailingslashit( trailingslashit( $base ) . $wp_rewrite->comments_pagination_base . '-' . $n, 'commentpaged' ) );
}

$theme = wp_get_theme();
$out   = array(
	'generator'                => sprintf( 'WordPress %s (Debian package), theme %s %s', $GLOBALS['wp_version'], $theme->get( 'Name' ), $theme->get( 'Version' ) ),
	'timezone'                 => get_option( 'timezone_string' ),
	'robots_disallowed_linked' => array( '/private-notes/' ),
	'posts'                    => array(),
	'comments'                 => array(),
);

$posts = get_posts(
	array(
		'post_type'      => 'post',
		'post_status'    => 'publish',
		'posts_per_page' => -1,
		'orderby'        => 'date',
		'order'          => 'ASC',
	)
);
$per_page = (int) get_option( 'comments_per_page' );
foreach ( $posts as $p ) {
	$top    = (int) get_comments( array( 'post_id' => $p->ID, 'status' => 'approve', 'parent' => 0, 'count' => true ) );
	$npages = max( 1, (int) ceil( $top / $per_page ) );
	$pages  = array();
	for ( $n = 1; $n <= $npages; $n++ ) {
		$pages[] = comment_page_url( $p->ID, $n );
	}
	$cats = wp_get_post_terms( $p->ID, 'category', array( 'fields' => 'names' ) );
	$tags = wp_get_post_terms( $p->ID, 'post_tag', array( 'fields' => 'names' ) );
	sort( $cats );
	sort( $tags );
	$out['posts'][] = array(
		'id'            => $p->ID,
		'url'           => rel( get_permalink( $p ) ),
		'title'         => $p->post_title,
		'author'        => get_the_author_meta( 'display_name', $p->post_author ),
		'date_utc'      => utc( $p->post_date_gmt ),
		'categories'    => $cats,
		'tags'          => $tags,
		'text'          => plain( $p->post_content ),
		'comment_pages' => $pages,
	);
}

$comments = get_comments(
	array(
		'status'    => 'approve',
		'post_type' => 'post',
		'orderby'   => 'comment_ID',
		'order'     => 'ASC',
	)
);
foreach ( $comments as $c ) {
	$page              = get_page_of_comment( $c->comment_ID );
	$out['comments'][] = array(
		'id'       => (int) $c->comment_ID,
		'post_id'  => (int) $c->comment_post_ID,
		'author'   => $c->comment_author,
		'date_utc' => utc( $c->comment_date_gmt ),
		'parent'   => (int) $c->comment_parent,
		'text'     => plain( $c->comment_content ),
		'page_url' => comment_page_url( $c->comment_post_ID, (int) $page ),
	);
}

echo json_encode( $out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), "\n";
