<?php
/* Makes the sample blog a blog with a past: N more posts (argv[1], default 150) spread over
 * 2010-2018, each with 0 to 24 comments (one in fifty: 90 to 130), a third of them replies,
 * some replies to replies, so that many posts run to several comment pages (5 to a page on
 * this site), and a few to many. Fixed seed:
 * the same blog every run. Run after tools/sample-site/generate.sh set the site up. */
require dirname( __DIR__ ) . '/sample-site/bootstrap.php';
require '/usr/share/wordpress/wp-load.php';

$n = isset( $argv[1] ) ? (int) $argv[1] : 150;
mt_srand( 20261206 );
$words = explode( ' ', 'orbit launch booster capsule station crew docking engine thrust payload mission landing telemetry antenna signal module heat shield parachute fairing stage rocket fuel oxygen methane pressure valve leak radiator coolant debris window hatch spacewalk engineer schedule delay budget review test failure anomaly report data camera lander rover sample crater dust ice water moon mars probe flyby gravity trajectory burn reentry splashdown recovery pad tower countdown weather abort' );
$people = array( 'Edward', 'David Eastman', 'Chris', 'Maria Solomon', 'Anna', 'Jay Webb', 'Zoë', 'Frank', 'Ingrid Larsen', 'Ravi Patel' );
function sentence_of( $words, $n ) {
	$out = array();
	for ( $i = 0; $i < $n; $i++ ) {
		$out[] = $words[ mt_rand( 0, count( $words ) - 1 ) ];
	}
	return ucfirst( implode( ' ', $out ) ) . '.';
}
$when = strtotime( '2010-01-05 10:00:00 UTC' );
for ( $i = 0; $i < $n; $i++ ) {
	$when += mt_rand( 10, 30 ) * 86400 / 2;
	$post_id = wp_insert_post(
		array(
			'post_type'      => 'post',
			'post_status'    => 'publish',
			'post_title'     => 'Archive note ' . ( $i + 1 ) . ': ' . sentence_of( $words, 5 ),
			'post_content'   => '<p>' . sentence_of( $words, 30 ) . '</p>',
			'post_author'    => 1,
			'post_date_gmt'  => gmdate( 'Y-m-d H:i:s', $when ),
			'post_date'      => get_date_from_gmt( gmdate( 'Y-m-d H:i:s', $when ) ),
			'comment_status' => 'open',
			'ping_status'    => 'closed',
		),
		true
	);
	if ( is_wp_error( $post_id ) ) {
		fwrite( STDERR, 'grow.php: ' . $post_id->get_error_message() . "\n" );
		exit( 1 );
	}
	$ids = array();
	$t   = $when;
	/* One post in fifty is a popular one, of 12 to 20 comment pages. */
	for ( $k = 25 === $i % 50 ? mt_rand( 90, 130 ) : mt_rand( 0, 24 ); $k > 0; $k-- ) {
		$t     += mt_rand( 600, 86400 );
		$parent = ( ! empty( $ids ) && mt_rand( 0, 2 ) === 0 ) ? $ids[ mt_rand( 0, count( $ids ) - 1 ) ] : 0;
		$who    = $people[ mt_rand( 0, count( $people ) - 1 ) ];
		$ids[]  = wp_insert_comment(
			array(
				'comment_post_ID'      => $post_id,
				'comment_author'       => $who,
				'comment_author_email' => strtolower( str_replace( ' ', '.', $who ) ) . '@example.org',
				'comment_content'      => sentence_of( $words, mt_rand( 8, 40 ) ),
				'comment_date_gmt'     => gmdate( 'Y-m-d H:i:s', $t ),
				'comment_date'         => get_date_from_gmt( gmdate( 'Y-m-d H:i:s', $t ) ),
				'comment_approved'     => 1,
				'comment_type'         => 'comment',
				'comment_parent'       => $parent,
			)
		);
	}
}
echo "grew the blog by $n posts\n";
