<?php
/* Content of the fora sample site. All dates are local America/Denver wall-clock times
 * ('Y-m-d H:i'); WordPress derives the GMT dates from them. Text uses typographic
 * punctuation on purpose so wptexturize() leaves it alone when rendering. Comment
 * 'key'/'parent' build threads. Blank lines separate paragraphs (wpautop). */

$people = array(
	'Col Beausabre' => array( 'colb@example.com', '' ),
	'David Eastman' => array( 'deastman@example.org', 'https://davideastman.example.org' ),
	'Marcus Webb'   => array( 'mwebb@example.org', '' ),
	'Edward'        => array( 'edward@example.com', '' ),
	'Edward Smith'  => array( 'edsmith@example.net', 'https://edwardsmith.example.net' ),
	'Frank Solomon' => array( 'frank.solomon@example.com', '' ),
	'Jeff Wright'   => array( 'jwright@example.com', '' ),
	'Chris'         => array( 'chris@example.org', '' ),
	'Jay'           => array( 'jay@example.net', 'https://jay.example.net' ),
	'Zoë Ångström'  => array( 'zoe@example.se', 'https://zoe.example.se' ),
	'Jürgen Müller' => array( 'juergen@example.de', '' ),
	'Дмитрий'       => array( 'dmitry@example.ru', '' ),
);

$posts = array(
	array(
		'title'      => 'Soyuz MS-12 carries three to the ISS',
		'author'     => 'Robert Zimmerman',
		'date'       => '2019-03-14 13:14',
		'categories' => array( 'Space' ),
		'tags'       => array( 'Soyuz', 'ISS', 'Roscosmos', 'NASA' ),
		'content'    => <<<'TXT'
A Soyuz rocket lifted off from Baikonur this afternoon, placing the Soyuz MS-12 capsule carrying Alexey Ovchinin, Nick Hague, and Christina Koch into orbit. The capsule is following the slower four-orbit rendezvous profile and will dock with the station about six hours after launch.

For Ovchinin and Hague this is a second chance. Both were aboard Soyuz MS-10 last October when a damaged sensor caused a strap-on booster to strike the core stage, forcing a launch abort. The escape system worked exactly as designed and both men landed safely downrange.

Koch’s mission is expected to last close to a year, which will give NASA another long-duration data point on how the human body handles weightlessness.
TXT
		,
		'comments'   => array(
			array( 'author' => 'Edward', 'date' => '2019-03-14 16:05', 'text' => <<<'TXT'
It is good to see both of them get their flight after that abort. The escape system is the part of any crewed vehicle that everyone hopes never to use, and it is reassuring when it works the first time it is really needed.
TXT
			),
			array( 'key' => 'ms12-es', 'author' => 'Edward Smith', 'date' => '2019-03-14 18:40', 'text' => <<<'TXT'
The Soyuz has now flown more crews than any other spacecraft in history. Whatever one thinks of Roscosmos management, the basic design has earned its reputation.
TXT
			),
			array( 'key' => 'ms12-col', 'parent' => 'ms12-es', 'author' => 'Col Beausabre', 'date' => '2019-03-14 19:10', 'text' => <<<'TXT'
Earned it in the 1970s, maybe. The question is whether the people building them today are as careful as the people who designed them.
TXT
			),
			array( 'parent' => 'ms12-col', 'author' => 'Zoë Ångström', 'date' => '2019-03-15 07:30', 'text' => <<<'TXT'
The abort last October suggests the inspection culture has slipped — but also that the safety margins are still there. Both things can be true at once.
TXT
			),
			array( 'author' => 'Jay', 'date' => '2019-03-15 09:00', 'text' => <<<'TXT'
A year in space for Koch will be fascinating. I hope they publish the medical results promptly this time.
TXT
			),
		),
	),
	array(
		'title'      => 'Chandrayaan-2 enters lunar orbit',
		'author'     => 'Robert Zimmerman',
		'date'       => '2019-08-20 06:45',
		'categories' => array( 'Space' ),
		'tags'       => array( 'India', 'Moon' ),
		'content'    => <<<'TXT'
India’s Chandrayaan-2 spacecraft fired its engine for about half an hour this morning and successfully entered lunar orbit, a month after its launch on a GSLV Mk III rocket.

Over the next two weeks ISRO engineers will lower the orbit in a series of burns before the Vikram lander separates and attempts a landing near the Moon’s south pole in early September.

If the landing succeeds India will become the fourth nation to soft-land on the Moon, after the Soviet Union, the United States, and China.
TXT
		,
		'comments'   => array(
			array( 'author' => 'Дмитрий', 'date' => '2019-08-20 10:12', 'text' => <<<'TXT'
Поздравляю, ISRO! A very clean orbit insertion. The south polar region is exactly where everyone wants to go now, because of the water ice in the permanently shadowed craters.
TXT
			),
			array( 'key' => 'ch2-zoe', 'author' => 'Zoë Ångström', 'date' => '2019-08-20 13:30', 'text' => <<<'TXT'
Fingers crossed for Vikram. The final braking phase is where Beresheet failed in April, so the next few weeks will be nerve-wracking.
TXT
			),
			array( 'parent' => 'ch2-zoe', 'author' => 'Frank Solomon', 'date' => '2019-08-20 15:02', 'text' => <<<'TXT'
Beresheet’s problem was a gyro and then an engine reset, if I remember correctly. Different hardware entirely, but the lesson is the same: landing is the hard part.
TXT
			),
		),
	),
	array(
		'title'      => 'Crew Dragon carries first astronauts to orbit',
		'author'     => 'Robert Zimmerman',
		'date'       => '2020-05-30 13:40',
		'categories' => array( 'Rockets' ),
		'tags'       => array( 'SpaceX', 'Dragon', 'ISS', 'NASA' ),
		'content'    => <<<'TXT'
SpaceX’s Crew Dragon capsule lifted off today from Kennedy Space Center carrying NASA astronauts Doug Hurley and Bob Behnken, the first crewed orbital launch from American soil since the last shuttle flight in July 2011.

The Falcon 9 first stage landed on the drone ship in the Atlantic about nine minutes after launch, and the capsule is now on its way to a docking with the station tomorrow morning.

This flight is the culmination of the commercial crew program, which NASA started a decade ago when it decided to buy rides from private companies rather than build and own its own capsule.
TXT
		,
		'comments'   => array(
			array( 'key' => 'dragon-ed', 'author' => 'Edward', 'date' => '2020-05-30 16:20', 'text' => <<<'TXT'
This finally ends the nine years in which the only way to get an American to the station was to buy a seat on a Russian Soyuz at ever-increasing prices. Competition works.
TXT
			),
			array( 'author' => 'Jürgen Müller', 'date' => '2020-05-30 17:05', 'text' => <<<'TXT'
Watching the booster land on the drone ship never gets old. Herzlichen Glückwunsch to everyone at Hawthorne and at NASA.
TXT
			),
			array( 'key' => 'dragon-chris', 'parent' => 'dragon-ed', 'author' => 'Chris', 'date' => '2020-05-30 18:30', 'text' => <<<'TXT'
Does anyone know whether NASA will keep buying any seats from the Russians at all, or is this a clean break?
TXT
			),
			array( 'parent' => 'dragon-chris', 'author' => 'Edward', 'date' => '2020-05-30 19:45', 'text' => <<<'TXT'
NASA wants a seat swap arrangement, so that each side always has someone aboard who can fly the other’s vehicle home in an emergency. No money would change hands.
TXT
			),
		),
	),
	array(
		'title'      => 'Perseverance takes its first drive on Mars',
		'author'     => 'Robert Zimmerman',
		'date'       => '2021-03-04 14:10',
		'categories' => array( 'Science' ),
		'tags'       => array( 'Mars', 'Perseverance', 'NASA' ),
		'content'    => <<<'TXT'
Two weeks after landing in Jezero crater, NASA’s Perseverance rover has taken its first test drive, moving forward about four meters, turning in place, and then backing up about two and a half meters.

Engineers also tested the rover’s robot arm and released the covers that protected the wheels during landing. The drive left clear tracks in the dusty soil, which the rover photographed with its hazard cameras.

The team expects to begin longer drives in the coming weeks as it heads toward the old river delta that was the reason Jezero was chosen as the landing site.
TXT
		,
		'comments'   => array(
			array( 'author' => 'Zoë Ångström', 'date' => '2021-03-04 17:45', 'text' => <<<'TXT'
Those wheel tracks are oddly moving. Six and a half meters, and it already feels like the start of a long road trip.
TXT
			),
			/* 21:30 MST on March 4 is 04:30 UTC on March 5. */
			array( 'key' => 'perse-frank', 'author' => 'Frank Solomon', 'date' => '2021-03-04 21:30', 'text' => <<<'TXT'
I would love to know how long the planning cycle is for each drive now. Curiosity was on a one-sol turnaround for most of its mission; I wonder whether Perseverance’s faster autonomous navigation changes that.
TXT
			),
			array( 'parent' => 'perse-frank', 'author' => 'Marcus Webb', 'date' => '2021-03-05 08:15', 'text' => <<<'TXT'
The auto-nav hardware is supposed to let it drive several times farther per sol than Curiosity could, with a dedicated processor just for the image work.
TXT
			),
		),
	),
	array(
		'title'      => 'Book review: Carrying the Fire, fifty years on',
		'author'     => 'Dana Whitfield',
		'date'       => '2021-07-20 09:00',
		'categories' => array( 'Books' ),
		'tags'       => array( 'Apollo', 'NASA' ),
		'content'    => <<<'TXT'
Michael Collins, who died this spring, wrote what is still the best astronaut memoir ever published. Re-reading <em>Carrying the Fire</em> on the anniversary of Apollo 11, what stands out is how little it has aged.

Collins writes about the Gemini 10 spacewalk, the months of simulator work, and the long hours alone in lunar orbit with a dry humor that most professional writers would envy. He is honest about fear and about boredom, and he never pretends the landing was his to share.

If you have read only one book about Apollo, make it this one. If you have read twenty, read this one again.
TXT
		,
		'comments'   => array(
			array( 'author' => 'Jürgen Müller', 'date' => '2021-07-20 11:30', 'text' => <<<'TXT'
Collins was also one of the few who wrote thoughtfully about the Apollo-Soyuz mission afterwards, and about what cooperation with the Soviets might mean. A very humane book.
TXT
			),
			array( 'key' => 'ctf-chris', 'author' => 'Chris', 'date' => '2021-07-20 12:10', 'text' => <<<'TXT'
I read it as a teenager and it is the reason I became an engineer. The chapter on the centrifuge training is unforgettable.
TXT
			),
			array( 'parent' => 'ctf-chris', 'author' => 'Edward Smith', 'date' => '2021-07-20 14:25', 'text' => <<<'TXT'
Same here. His account of learning about the Soyuz 11 tragedy, and what it meant for long-duration flight, is in his later book <em>Liftoff</em>, which I also recommend.
TXT
			),
		),
	),
	array(
		'seed'       => true,
		'title'      => 'Russian official: Soyuz leak possibly caused by micrometeorite hit',
		'author'     => 'Robert Zimmerman',
		'date'       => '2022-12-16 08:05',
		'categories' => array( 'Space' ),
		'tags'       => array( 'Soyuz', 'ISS', 'Roscosmos' ),
		'content'    => <<<'TXT'
According to Sergei Krikalev, who heads Roscosmos’ manned program, the leak of coolant from the Soyuz capsule docked at ISS could have been caused by a micrometeorite hit.

<blockquote>Sergei Krikalev, a veteran cosmonaut who serves as the director of crewed space flight programs at Roscosmos, said a meteorite striking one of external radiators of the Soyuz MS-22 capsule could have caused the coolant to escape.

The malfunction could affect the performance of the capsule’s coolant system and the temperature in the equipment section of the capsule but doesn’t endanger the crew, Krikalev said in a statement.

Krikalev said Russian flight controllers were assessing the situation and following temperature indicators on the Soyuz. “There have been no other changes in parameters on the Soyuz spacecraft and the station, so there is no threat for the crew,” he said.</blockquote>

The “equipment section of the capsule” is its service module, not its habitable orbital module or descent module.

Krikalev, the first Russian to fly on the space shuttle and occupy ISS, is a generally very reliable source. He is speculating, but not wildly but based on what is so far known. The upcoming inspection of the Soyuz using an ISS robot arm will soon tell us whether he is right or not. Krikalev also said that the inspection will tell them whether this capsule can be used to return its astronauts to Earth.
TXT
		,
		/* Exactly the nine comments of the seed page, in its order. */
		'comments'   => array(
			array( 'author' => 'Col Beausabre', 'date' => '2022-12-16 08:30', 'text' => <<<'TXT'
It couldn’t possibly be shoddy workmanship by a drunken worker
TXT
			),
			array( 'author' => 'David Eastman', 'date' => '2022-12-16 09:10', 'text' => <<<'TXT'
A sudden leak of that magnitude out of nowhere when it had already been on orbit for some time, I’d rate a micrometeorite impact as far more likely than a workmanship defect. It was in fact my first thought when I heard about it. But we are indeed far past the point of “oh surely not” on their manufacturing being at fault.
TXT
			),
			array( 'author' => 'Edward', 'date' => '2022-12-16 09:45', 'text' => <<<'TXT'
David Eastman wrote:
<blockquote>“But we are indeed far past the point of ‘oh surely not’ on their manufacturing being at fault.</blockquote>

Considering that it took a while for the hole in that one Soyuz to open up, a few years back, I think this is a correct analysis. We can only hope that the Russian quality control has improved over the years, because we don’t have a lot of direct evidence that it has.
TXT
			),
			array( 'author' => 'Frank Solomon', 'date' => '2022-12-16 10:20', 'text' => <<<'TXT'
For this coolant leak, mass accelerates out of the Soyuz. That means the Soyuz has a reactive, opposing force placed on it – probably “small”, but definitely unwelcome. The Soyuz docked at the ISS, so the ISS also experiences this force. The ISS crew / ground crew probably planned for this, but even if they did not, and even if this new force is “small”, they will have to find a way to balance the force, or ISS will (tend to) start tumbling.
TXT
			),
			array( 'author' => 'Edward', 'date' => '2022-12-16 11:05', 'text' => <<<'TXT'
Scott Manley has video of the leak throughout this video: (9 minutes)

Frank Solomon,
This small new force is there, and it does need to be balanced, and the total torque is larger if the source of the force is farther from the center of mass than if it is closer. ISS has some reaction wheels that handle attitude control. There are a number of forces and torques that act on the station, and the usual attitude is to fly with one side constantly facing Earth, so ISS is constantly rotating relative to the inertial reference frame. These reaction wheels are always kept busy, so the effects on the attitude control system are low on the list of concerns of the controllers. ISS has automatic control systems that can handle it.
TXT
			),
			array( 'author' => 'Jeff Wright', 'date' => '2022-12-16 11:50', 'text' => <<<'TXT'
Each Soyuz does have a pistol
TXT
			),
			array( 'author' => 'Chris', 'date' => '2022-12-16 12:35', 'text' => <<<'TXT'
It’s not mentioned that I see, but what is the chemical coolant being released? Can this spray cause corrosion or other unwanted reaction to the surfaces it lands on?
Are there optical components that need to be protected?
TXT
			),
			array( 'author' => 'Jay', 'date' => '2022-12-16 13:40', 'text' => <<<'TXT'
It is either water, or “Isooctan LZ-TK-2”. You can see details in the December 15, 2022 Quick space links.

I too wonder what Isooctan is and Fisher Scientific has it listed as: Isooctane, or 2,2,4-trimethylpentane, is a toxic, flammable, volatile, organic alkane, and an isomer of octane. Available in various quantities and reagent grades, it is an anti-knocking agent in gasoline. Other applications include use as a non-polar solvent.
TXT
			),
			array( 'author' => 'Edward', 'date' => '2022-12-16 15:25', 'text' => <<<'TXT'
Chris asked:
<blockquote>“ Can this spray cause corrosion or other unwanted reaction to the surfaces it lands on?
Are there optical components that need to be protected?</blockquote>

Any substance can have unwanted affects to the surfaces is lands on. It isn’t only lenses or windows or even mirrors that are optical. The solar arrays depend upon sunlight not being reflected away or absorbed by any molecules landing on them. The same goes for thermal radiators, where the radiative properties are those of the surface material, and water or other molecules can change the amount of thermal radiance they get; these, too are optical surfaces. Thermal blankets have the same problem, as they are designed to maintain a certain temperature on their insides, and if they radiate their outer surface differently, being optical surfaces, the inside surface maintains a different (though perhaps only slightly different) temperature. In fact, you can think of every exposed surface as an optical surface that affects the overall thermal properties of the space station, even if only slightly.

It is similar to Frank Solomon’s question about the forces, thus the torques, applied by the leak to the space station. Small as these effects are, they are definitely present.

This is one of the reasons that spacecraft are made in the controlled environments of cleanrooms. Along with dust, fingerprints, and other material contaminations, we try to limit these kinds of volatile materials from condensing on the inside and outside surfaces. The thermal engineer designed his system carefully, and we don’t want to upset that in a way that causes problems with the operation of the spacecraft.

When something like this happens, a lot of controllers are watching to see how their own systems are affected.
TXT
			),
		),
	),
	array(
		'title'      => 'Uncrewed Soyuz MS-23 docks to bring ISS crew home',
		'author'     => 'Robert Zimmerman',
		'date'       => '2023-02-25 18:30',
		'categories' => array( 'Space' ),
		'tags'       => array( 'Soyuz', 'ISS', 'Roscosmos' ),
		'content'    => <<<'TXT'
The replacement Soyuz capsule launched on Thursday docked with the International Space Station this evening, flying without a crew so that it can bring home the three men whose original ride was damaged in December.

Roscosmos has concluded that the coolant leak on Soyuz MS-22 was caused by an external impact rather than a manufacturing defect, though a similar leak on a Progress freighter earlier this month has raised new questions.

MS-22 will now return to Earth empty next month, while the crew stays aboard until September, stretching their mission to almost a year.
TXT
		,
		'comments'   => array(
			/* 20:10 MST on February 25 is 03:10 UTC on February 26. */
			array( 'key' => 'ms23-ed', 'author' => 'Edward', 'date' => '2023-02-25 20:10', 'text' => <<<'TXT'
Two similar leaks in two months on two different vehicles is a strange coincidence. I would want to see the investigation data before accepting the external cause explanation.
TXT
			),
			array( 'author' => 'Edward Smith', 'date' => '2023-02-26 07:55', 'text' => <<<'TXT'
At least the Soyuz docking itself went flawlessly. The automated Kurs system is old, but it works.
TXT
			),
			array( 'key' => 'ms23-dm', 'parent' => 'ms23-ed', 'author' => 'Дмитрий', 'date' => '2023-02-26 09:30', 'text' => <<<'TXT'
The Progress MS-21 leak happened in the same kind of radiator loop. If the same supplier built both, that would explain a lot.
TXT
			),
			array( 'parent' => 'ms23-dm', 'author' => 'Edward', 'date' => '2023-02-26 11:05', 'text' => <<<'TXT'
That is exactly the question. Common supplier, common batch, common failure mode — any quality engineer would check that first.
TXT
			),
		),
	),
	array(
		'title'      => 'Starship’s first integrated flight ends in explosion over the Gulf',
		'author'     => 'Robert Zimmerman',
		'date'       => '2023-04-20 09:30',
		'categories' => array( 'Rockets' ),
		'tags'       => array( 'SpaceX', 'Starship' ),
		'content'    => <<<'TXT'
SpaceX’s first full Starship stack lifted off from Boca Chica this morning, cleared the pad, and flew for about four minutes before tumbling and being destroyed by its flight termination system.

Several of the 33 Raptor engines on the Super Heavy booster appeared to be out from the moment of liftoff, and the stages never separated. The launch also dug a large crater beneath the launch mount, throwing concrete debris across the site.

SpaceX had said beforehand that clearing the tower would count as success, and by that standard the flight did what it needed to do. The real question is how quickly the pad can be repaired for the next attempt.
TXT
		,
		'comments'   => array(
			array( 'author' => 'Edward', 'date' => '2023-04-20 10:40', 'text' => <<<'TXT'
Clearing the tower was the stated goal, and they exceeded it. Every test flight teaches more than a year of analysis would have, which is how this company has always worked.
TXT
			),
			array( 'key' => 'ship-col', 'author' => 'Col Beausabre', 'date' => '2023-04-20 11:15', 'text' => <<<'TXT'
The pad damage worries me more than the vehicle. A flame trench would have cost them a few weeks; rebuilding will cost months.
TXT
			),
			array( 'parent' => 'ship-col', 'author' => 'Edward', 'date' => '2023-04-20 12:30', 'text' => <<<'TXT'
They already had a water-cooled steel plate on order. The gamble was that the concrete would survive one launch, and it did not. An expensive lesson, but a quickly learned one.
TXT
			),
			/* 19:05 MDT on April 20 is 01:05 UTC on April 21. */
			array( 'key' => 'ship-es', 'author' => 'Edward Smith', 'date' => '2023-04-20 19:05', 'text' => <<<'TXT'
People forget how many failures the early Soyuz and its R-7 rocket had before becoming the workhorse it is today. Starship is simply doing its failing in public.
TXT
			),
			array( 'parent' => 'ship-es', 'author' => 'Jürgen Müller', 'date' => '2023-04-20 20:20', 'text' => <<<'TXT'
Sehr richtig. And that early test program was hidden behind a great deal of secrecy, so we only learned about most of those failures decades later.
TXT
			),
		),
	),
	array(
		'title'      => 'Voyager 2 back in contact after antenna mix-up',
		'author'     => 'Robert Zimmerman',
		'date'       => '2023-08-04 11:00',
		'categories' => array( 'Science' ),
		'tags'       => array( 'Voyager', 'NASA', 'Deep Space Network' ),
		'content'    => <<<'TXT'
NASA has reestablished full communications with Voyager 2, two weeks after a mistaken command pointed the spacecraft’s antenna two degrees away from Earth.

Engineers used the most powerful transmitter of the Deep Space Network in Canberra to send a “shout” in the right direction, commanding the spacecraft to turn its antenna back. The signal took more than eighteen hours to reach the probe, and another eighteen hours passed before the team heard that it had worked.

Had the shout failed, the spacecraft would have reset its own orientation automatically in October. Voyager 2 is now more than 19 billion kilometers from Earth and still returning science data from interstellar space.
TXT
		,
		/* 13 top-level comments: with 5 threads per page WordPress splits them 5/5/3. */
		'comments'   => array(
			array( 'author' => 'Jay', 'date' => '2023-08-04 12:15', 'text' => <<<'TXT'
Two degrees at that distance is an enormous miss. It is amazing that the carrier signal was still detectable at all.
TXT
			),
			array( 'key' => 'v2-zoe', 'author' => 'Zoë Ångström', 'date' => '2023-08-04 12:50', 'text' => <<<'TXT'
The phrase “interstellar shout” made my day. 🚀 The people running this mission deserve every award there is.
TXT
			),
			array( 'key' => 'v2-chris', 'author' => 'Chris', 'date' => '2023-08-04 13:20', 'text' => <<<'TXT'
How much power does Voyager 2 have left? I had read that instruments are being shut down one at a time.
TXT
			),
			array( 'parent' => 'v2-zoe', 'author' => 'Frank Solomon', 'date' => '2023-08-04 14:05', 'text' => <<<'TXT'
They really do. Most of the original team retired long ago, so the current engineers are reading documentation written on typewriters.
TXT
			),
			array( 'key' => 'v2-jay', 'parent' => 'v2-chris', 'author' => 'Jay', 'date' => '2023-08-04 15:40', 'text' => <<<'TXT'
About four watts less every year from the RTG. They have been turning off heaters and instruments since the 1990s to stretch it.
TXT
			),
			array( 'author' => 'Дмитрий', 'date' => '2023-08-04 16:00', 'text' => <<<'TXT'
Canberra is the only antenna that can talk to Voyager 2, because of its southern trajectory after Neptune. A single point of failure for a 46-year mission.
TXT
			),
			array( 'parent' => 'v2-jay', 'author' => 'Chris', 'date' => '2023-08-04 17:10', 'text' => <<<'TXT'
Thanks. So we probably have until the late 2020s for any science at all.
TXT
			),
			array( 'author' => 'Marcus Webb', 'date' => '2023-08-04 18:25', 'text' => <<<'TXT'
The automatic reorientation in October was the real safety net here. Good fault protection designed in the 1970s saved them from having to rely on luck.
TXT
			),
			array( 'author' => 'Jürgen Müller', 'date' => '2023-08-04 20:45', 'text' => <<<'TXT'
Ich bin beeindruckt. The patience required to wait thirty-seven hours for a round trip is something our instant-messaging world has forgotten.
TXT
			),
			array( 'key' => 'v2-col', 'author' => 'Col Beausabre', 'date' => '2023-08-05 07:05', 'text' => <<<'TXT'
Who sent the wrong command in the first place? I hope there is an honest review rather than a scapegoat.
TXT
			),
			array( 'parent' => 'v2-col', 'author' => 'Edward', 'date' => '2023-08-05 08:30', 'text' => <<<'TXT'
Mistakes in command sequences happen on every long mission. The important thing is that the review improves the checking process rather than blaming a person.
TXT
			),
			array( 'author' => 'Frank Solomon', 'date' => '2023-08-05 09:50', 'text' => <<<'TXT'
Forty-six years and still sending data. There is no engineering achievement from my lifetime I admire more.
TXT
			),
			array( 'author' => 'Zoë Ångström', 'date' => '2023-08-05 11:30', 'text' => <<<'TXT'
Does anyone know if the Golden Record cover is still intact out there? I like to imagine it is.
TXT
			),
			array( 'author' => 'Jay', 'date' => '2023-08-05 13:05', 'text' => <<<'TXT'
For comparison, Voyager 1 is even farther away, and it can still be reached by the northern dishes as well.
TXT
			),
			array( 'author' => 'Chris', 'date' => '2023-08-05 16:40', 'text' => <<<'TXT'
Great news on a Saturday. Thank you for following this story so closely.
TXT
			),
			/* 21:15 MDT on August 5 is 03:15 UTC on August 6. */
			array( 'key' => 'v2-jm', 'author' => 'Jürgen Müller', 'date' => '2023-08-05 21:15', 'text' => <<<'TXT'
Kleine Korrektur: the distance is closer to 20 billion kilometers now, if I read the JPL tracker correctly.
TXT
			),
			array( 'parent' => 'v2-jm', 'author' => 'Edward Smith', 'date' => '2023-08-06 07:20', 'text' => <<<'TXT'
Close enough either way — at that range a billion kilometers is less than a day’s worth of light time.
TXT
			),
			array( 'author' => 'Marcus Webb', 'date' => '2023-08-06 10:00', 'text' => <<<'TXT'
I hope NASA keeps funding the operations team until the very last watt is gone.
TXT
			),
		),
	),
	array(
		'title'      => 'Ingenuity helicopter’s flying days are over',
		'author'     => 'Robert Zimmerman',
		'date'       => '2024-01-25 16:30',
		'categories' => array( 'Science' ),
		'tags'       => array( 'Mars', 'Ingenuity', 'NASA' ),
		'content'    => <<<'TXT'
NASA announced today that its Ingenuity helicopter on Mars will not fly again. Images sent back after its 72nd flight show that at least one of its rotor blades was damaged during a rough landing last week.

Ingenuity was designed as a technology demonstration that would make at most five flights over thirty days. Instead it operated for almost three years, flew more than seventeen kilometers, and served as an aerial scout for the Perseverance rover.

The helicopter will remain in contact with the rover for as long as possible, sending back whatever data it can from where it now sits.
TXT
		,
		'comments'   => array(
			array( 'author' => 'Zoë Ångström', 'date' => '2024-01-25 18:00', 'text' => <<<'TXT'
Seventy-two flights from a design meant for five. What a wonderful little machine.
TXT
			),
			array( 'author' => 'Jürgen Müller', 'date' => '2024-01-25 19:30', 'text' => <<<'TXT'
Every future Mars mission will carry a helicopter now, I think. Ingenuity proved the concept beyond any doubt.
TXT
			),
			array( 'author' => 'Дмитрий', 'date' => '2024-01-26 08:45', 'text' => <<<'TXT'
Великолепно. It also showed how much a cheap, mostly off-the-shelf computer can deliver on another planet.
TXT
			),
		),
	),
);

/* Linked from the primary menu, disallowed in robots.txt. */
$private_page = array(
	'title'   => 'Private notes',
	'slug'    => 'private-notes',
	'author'  => 'Robert Zimmerman',
	'date'    => '2019-01-02 10:00',
	'content' => <<<'TXT'
These are working notes for the editors of Orbital Notes. They are not meant for search engines, which is why robots.txt asks crawlers to stay away.

Reminder: follow up on the Soyuz coolant leak once Roscosmos publishes its final report. Draft codename for the follow-up series: bluebird-seven.
TXT
);
