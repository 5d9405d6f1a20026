//! Recommendations: small graphs whose every order, rank and number is
//! derived by hand from the model page, and a generated graph checked for
//! the invariants of the bulk top-k.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tiegraph::{
    Cadence, Connection, Error, GroupEvent, Interaction, InviteCategory, LiftOptions, Mode,
    RelationshipGraph, State, StrengthGraph, View,
};

const TOL: f64 = 1e-12;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("valid date")
}

fn days(d: f64) -> DateTime<Utc> {
    t0() + TimeDelta::seconds((d * 86_400.0) as i64)
}

fn close(what: &str, got: f64, want: f64) {
    assert!(
        (got - want).abs() <= TOL,
        "{what}: got {got}, want {want} (diff {})",
        (got - want).abs()
    );
}

/// The default model's weighted sum, for two-way pairs.
fn combine(f: [f64; 7]) -> f64 {
    let w = [0.25, 0.25, 0.15, 0.10, 0.10, 0.10, 0.05];
    w.iter().zip(f).map(|(w, f)| w * f).sum::<f64>() / w.iter().sum::<f64>()
}

fn email(g: &mut RelationshipGraph, from: &str, to: &str, d: f64) -> tiegraph::Result<()> {
    g.add_interaction(Interaction::new(from, to, days(d), "email"))
}

fn meet(g: &mut RelationshipGraph, a: &str, b: &str, d: f64) -> tiegraph::Result<()> {
    g.add_interaction(Interaction::new(a, b, days(d), "in_person"))
}

/// An email from `a` on day `d` answered on day `d + 1`, seen on day
/// `d + 10`: the features of the model by hand.
fn email_pair_at_ten_days() -> f64 {
    let (s_a, s_b) = (0.3 * (-10.0f64 / 180.0).exp2(), 0.3 * (-9.0f64 / 180.0).exp2());
    combine([
        (-10.0f64 / 90.0).exp2(), // the earlier side's last contact is 10 days old
        1.0 - (-(s_a * s_b).sqrt() / 3.0).exp(),
        1.0 - (-9.0f64 / 365.0).exp(), // two-way since the answer
        2f64.ln() / 53f64.ln(),        // one week each (ages 10 and 9 days: week 1)
        1.6 / 2.6,                     // X = 0.3 each
        0.25,                          // private written only
        0.0,
    ])
}

fn keys<'a>(it: impl IntoIterator<Item = &'a tiegraph::Person>) -> Vec<&'a str> {
    it.into_iter().map(|p| p.key.as_str()).collect()
}

fn invalid_argument<T: std::fmt::Debug>(r: tiegraph::Result<T>) -> String {
    match r {
        Err(Error::InvalidArgument { argument, .. }) => argument,
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

// ----- strongest ties ---------------------------------------------------

/// ana: lee (a half-hour coffee), bo and cy (the same email exchange, cy
/// added first), dan (an unanswered pitch), eve (a LinkedIn connection).
fn strongest_graph() -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    for x in ["cy", "bo"] {
        email(&mut g, "ana", x, 0.0)?;
        email(&mut g, x, "ana", 1.0)?;
    }
    g.add_interaction(Interaction::new("ana", "lee", days(0.0), "in_person").with_duration(1800.0))?;
    email(&mut g, "ana", "dan", 0.0)?;
    g.add_connection(Connection::mutual("ana", "eve", "linkedin"))?;
    Ok(g)
}

fn coffee_at_ten_days() -> f64 {
    let w = 0.5f64.sqrt(); // √(1800 / 3600)
    let s = w * (-10.0f64 / 180.0).exp2();
    combine([
        (-10.0f64 / 90.0).exp2(),
        1.0 - (-s / 3.0).exp(),
        1.0 - (-10.0f64 / 365.0).exp(),
        2f64.ln() / 53f64.ln(),
        (2.0 * w + 1.0) / (2.0 * w + 2.0),
        0.25,
        0.0,
    ])
}

#[test]
fn strongest_ties_rank_by_strength_then_key() -> tiegraph::Result<()> {
    let g = strongest_graph()?;
    let top = g.strongest_ties("ana", 10, days(10.0))?;
    assert_eq!(keys(top.iter().map(|r| r.other)), ["lee", "bo", "cy", "eve"]);
    assert_eq!(top.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3, 4]);
    close("lee", top[0].strength.value, coffee_at_ten_days());
    close("bo", top[1].strength.value, email_pair_at_ten_days());
    assert_eq!(top[1].strength.value.to_bits(), top[2].strength.value.to_bits());
    close("eve", top[3].strength.value, 0.05);
    assert_eq!(
        top.iter().map(|r| r.state).collect::<Vec<_>>(),
        [State::Active, State::Active, State::Active, State::Connected]
    );
    assert_eq!(
        top[0].reason,
        "active; strength 0.40, mostly recency (0.23) and reciprocity (0.07); last met 10 days ago"
    );
    assert_eq!(
        top[1].reason,
        "active; strength 0.36, mostly recency (0.23) and reciprocity (0.06); never met"
    );
    assert_eq!(
        top[3].reason,
        "connected; strength 0.05, mostly connection (0.05); never met"
    );
    // effort in (asked, other) order
    assert!(top[1].strength.effort.a < top[1].strength.effort.b);

    let two = g.strongest_ties("ana", 2, days(10.0))?;
    assert_eq!(keys(two.iter().map(|r| r.other)), ["lee", "bo"]);
    let lee = g.strongest_ties("lee", 5, days(10.0))?;
    assert_eq!(keys(lee.iter().map(|r| r.other)), ["ana"]);
    assert!(g.strongest_ties("dan", 5, days(10.0))?.is_empty()); // one-sided: strength 0
    Ok(())
}

#[test]
fn strongest_ties_follow_the_view() -> tiegraph::Result<()> {
    let g = strongest_graph()?;
    // online: the coffee is gone, so is lee
    let online = g.view(&View::online())?.strongest_ties("ana", 10, days(10.0))?;
    assert_eq!(keys(online.iter().map(|r| r.other)), ["bo", "cy", "eve"]);
    // a window from day 0.5: ana's emails and the coffee are out, the
    // answers alone are one-sided; the connection always counts
    let window = View::all().between(days(0.5), days(20.0));
    let late = g.view(&window)?.strongest_ties("ana", 10, days(10.0))?;
    assert_eq!(keys(late.iter().map(|r| r.other)), ["eve"]);
    // as of day 0.5 only the coffee and the connection are there
    let early = g.strongest_ties("ana", 10, days(0.5))?;
    assert_eq!(keys(early.iter().map(|r| r.other)), ["lee", "eve"]);
    Ok(())
}

#[test]
fn strongest_ties_all_agrees_with_each_person() -> tiegraph::Result<()> {
    let mut g = strongest_graph()?;
    email(&mut g, "bo", "cy", 2.0)?;
    email(&mut g, "cy", "bo", 3.0)?;
    let all = g.strongest_ties_all(2, days(10.0))?;
    let rows: Vec<(&str, &str, usize)> = all
        .iter()
        .map(|r| (r.person.key.as_str(), r.other.key.as_str(), r.rank))
        .collect();
    assert_eq!(
        rows,
        [
            ("ana", "lee", 1),
            ("ana", "bo", 2),
            ("bo", "cy", 1), // a later, fresher exchange
            ("bo", "ana", 2),
            ("cy", "bo", 1),
            ("cy", "ana", 2),
            ("eve", "ana", 1),
            ("lee", "ana", 1),
        ]
    );
    for person in ["ana", "bo", "cy", "dan", "eve", "lee"] {
        let one = g.strongest_ties(person, 2, days(10.0))?;
        let mine: Vec<_> = all.iter().filter(|r| r.person.key == person).collect();
        assert_eq!(one.len(), mine.len(), "{person}");
        for (x, y) in one.iter().zip(mine) {
            assert_eq!((x.other.key.as_str(), x.rank), (y.other.key.as_str(), y.rank));
            assert_eq!(x.strength.value.to_bits(), y.strength.to_bits());
        }
    }
    Ok(())
}

// ----- meet in person ---------------------------------------------------

/// ana exchanged emails with bo, eve, lee and cy (day 0 and 1); she met lee
/// on day −300 and cy on day 5, and only ever met dan. bob and kim
/// exchanged the same emails.
fn meet_graph() -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    for x in ["lee", "eve", "cy", "bo"] {
        email(&mut g, "ana", x, 0.0)?;
        email(&mut g, x, "ana", 1.0)?;
    }
    email(&mut g, "kim", "bob", 0.0)?;
    email(&mut g, "bob", "kim", 1.0)?;
    meet(&mut g, "ana", "lee", -300.0)?;
    meet(&mut g, "cy", "ana", 5.0)?;
    meet(&mut g, "ana", "dan", 2.0)?;
    Ok(g)
}

#[test]
fn meet_in_person_ranks_online_strength_by_how_long_ago_they_met() -> tiegraph::Result<()> {
    let g = meet_graph()?;
    let online = email_pair_at_ten_days();
    let rows = g.meet_in_person("ana", 10, days(10.0))?;
    assert_eq!(keys(rows.iter().map(|r| r.other)), ["bo", "eve", "lee", "cy"]);
    assert_eq!(rows.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3, 4]);
    let recency = [0.0, 0.0, (-310.0f64 / 90.0).exp2(), (-5.0f64 / 90.0).exp2()];
    for (r, rec) in rows.iter().zip(recency) {
        close("online", r.online_strength, online);
        close("recency", r.offline_recency, rec);
        close("priority", r.priority, online * (1.0 - rec));
        assert_eq!(r.person.key, "ana");
        assert_eq!(r.channels, ["email"]);
    }
    assert_eq!(rows[0].last_met, None);
    assert_eq!(rows[2].last_met, Some(days(-300.0)));
    assert_eq!(rows[0].reason, "moderate by email (online 0.36), never met");
    assert_eq!(
        rows[2].reason,
        "moderate by email (online 0.36), last met 10 months ago"
    );
    assert_eq!(
        rows[3].reason,
        "moderate by email (online 0.36), last met 5 days ago"
    );
    // dan: met, never online
    assert!(g.meet_in_person("dan", 10, days(10.0))?.is_empty());
    assert_eq!(
        keys(g.meet_in_person("ana", 1, days(10.0))?.iter().map(|r| r.other)),
        ["bo"]
    );
    Ok(())
}

#[test]
fn meet_in_person_follows_the_view_and_names_channels() -> tiegraph::Result<()> {
    let mut g = meet_graph()?;
    // a window that leaves out the meeting of day −300: lee never met
    let v = g.view(&View::all().between(days(-100.0), days(20.0)))?;
    let rows = v.meet_in_person("ana", 10, days(10.0))?;
    assert_eq!(keys(rows.iter().map(|r| r.other)), ["bo", "eve", "lee", "cy"]);
    assert_eq!(rows[2].priority.to_bits(), rows[0].priority.to_bits());
    assert_eq!(rows[2].reason, "moderate by email (online 0.36), never met");

    // replies from eve: email first (0.3 > 0.15 a piece), then replies
    g.add_interaction(Interaction::new("eve", "ana", days(2.0), "public_reply"))?;
    let rows = g.meet_in_person("ana", 10, days(10.0))?;
    let eve = rows.iter().find(|r| r.other.key == "eve").expect("eve is listed");
    assert_eq!(eve.channels, ["email", "public_reply"]);
    assert!(eve.reason.starts_with("moderate by email and replies (online 0."));
    Ok(())
}

#[test]
fn meet_in_person_all_ranks_pairs_by_priority_then_keys() -> tiegraph::Result<()> {
    let g = meet_graph()?;
    let rows = g.meet_in_person_all(10, days(10.0))?;
    let pairs: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.person.key.as_str(), r.other.key.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("ana", "bo"),
            ("ana", "eve"),
            ("bob", "kim"),
            ("ana", "lee"),
            ("ana", "cy")
        ]
    );
    close("bob-kim", rows[2].priority, email_pair_at_ten_days());
    let three = g.meet_in_person_all(3, days(10.0))?;
    assert_eq!(three.len(), 3);
    assert_eq!(three[2].other.key, "kim");
    Ok(())
}

// ----- invite list ------------------------------------------------------

#[test]
fn invite_list_mixes_strong_ties_and_ties_worth_converting() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    // lee, a reporter leaving her paper. ana: ten weekly coffees.
    for w in 0..10 {
        meet(&mut g, "lee", "ana", 7.0 * f64::from(w))?;
    }
    // bo: emails both ways every week, never met
    for w in 0..10 {
        email(&mut g, "bo", "lee", 7.0 * f64::from(w))?;
        email(&mut g, "lee", "bo", 7.0 * f64::from(w) + 1.0)?;
    }
    // cy: 26 weekly meetings that ended 400 days ago: dormant
    for w in 0..26 {
        meet(&mut g, "cy", "lee", 7.0 * f64::from(w) - 510.0)?;
    }
    // dan: one big event 40 days ago, meaningful (0.4 a piece)
    g.add_interaction(Interaction::new("dan", "lee", days(25.0), "event"))?;
    // eve: an unanswered pitch
    email(&mut g, "eve", "lee", 60.0)?;
    let t = days(65.0);
    let list = g.invite_list("lee", 10, t)?;
    assert_eq!(keys(list.iter().map(|r| r.other)), ["ana", "bo", "cy", "dan"]);
    assert_eq!(
        list.iter().map(|r| r.category).collect::<Vec<_>>(),
        [
            InviteCategory::Strong,
            InviteCategory::WorthConverting,
            InviteCategory::Fading,
            InviteCategory::Weak
        ]
    );
    let meet_bo = g.meet_in_person("lee", 10, t)?;
    for r in &list {
        let s = g.strength("lee", &r.other.key, t)?;
        assert_eq!(r.strength.to_bits(), s.value.to_bits());
        assert_eq!(r.state, s.state);
        let priority = meet_bo
            .iter()
            .find(|m| m.other.key == r.other.key)
            .map_or(0.0, |m| m.priority);
        assert_eq!(r.priority.to_bits(), priority.to_bits());
        assert_eq!(r.score, r.strength.max(r.priority));
    }
    // bo never met and has no offline contact: priority = strength
    assert_eq!(list[1].priority.to_bits(), list[1].strength.to_bits());
    assert_eq!(list[2].state, State::Dormant);
    assert_eq!(
        list[0].reason,
        format!(
            "strong tie ({:.2}, active); last met 2 days ago",
            list[0].strength
        )
    );
    assert_eq!(
        list[1].reason,
        format!(
            "{} by email (online {:.2}), never met",
            "strong", list[1].priority
        )
    );
    assert_eq!(
        list[2].reason,
        format!("dormant tie ({:.2}); last met 13 months ago", list[2].strength)
    );
    assert_eq!(
        list[3].reason,
        format!(
            "weaker tie ({:.2}, active); last met 40 days ago",
            list[3].strength
        )
    );
    assert_eq!(
        keys(g.invite_list("lee", 2, t)?.iter().map(|r| r.other)),
        ["ana", "bo"]
    );
    Ok(())
}

// ----- reconnect --------------------------------------------------------

#[test]
fn reconnect_ranks_faded_ties_by_what_was_lost() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    // bo and cy: the same 26 weekly meetings, ended 400 days before the date
    for x in ["cy", "bo"] {
        for w in 0..26 {
            meet(&mut g, "ana", x, 7.0 * f64::from(w))?;
        }
    }
    // lee: ten weekly meetings ended 100 days before the date: cooling
    for w in 0..10 {
        meet(&mut g, "ana", "lee", 7.0 * f64::from(w) + 412.0)?;
    }
    // kim: an email last week
    email(&mut g, "ana", "kim", 568.0)?;
    email(&mut g, "kim", "ana", 569.0)?;
    let t = 575.0;
    let rows = g.reconnect("ana", 10, days(t))?;
    assert_eq!(keys(rows.iter().map(|r| r.other)), ["bo", "cy", "lee"]);
    assert_eq!(
        rows.iter().map(|r| r.state).collect::<Vec<_>>(),
        [State::Dormant, State::Dormant, State::Cooling]
    );
    for r in &rows {
        let s = g.strength("ana", &r.other.key, days(t))?;
        assert_eq!(r.strength.to_bits(), s.value.to_bits());
        let (peak, at) = g.peak("ana", &r.other.key, days(t))?.expect("a tie");
        assert_eq!(r.peak.to_bits(), peak.to_bits());
        assert_eq!(r.peaked_at, at);
        assert_eq!(r.lost, r.peak - r.strength);
        // the peak is the strength at the time it was reached
        let at_peak = g.strength("ana", &r.other.key, r.peaked_at)?;
        close("peak", at_peak.value, r.peak);
    }
    // the last of the weekly meetings is the peak
    assert_eq!(rows[0].peaked_at, days(175.0));
    assert_eq!(rows[2].peaked_at, days(475.0));
    // lee by hand: ten weekly meetings (weight 1, both sides), seen on the
    // day of the last one and 100 days later
    let s: f64 = (0..10).map(|w| (-7.0 * f64::from(w) / 180.0).exp2()).sum();
    let regular = 11f64.ln() / 53f64.ln(); // ten distinct weeks either way
    let peak = combine([
        1.0,
        1.0 - (-s / 3.0).exp(),
        1.0 - (-63.0f64 / 365.0).exp(),
        regular,
        21.0 / 22.0,
        0.25,
        0.0,
    ]);
    let s_now = s * (-100.0f64 / 180.0).exp2();
    let now = combine([
        (-100.0f64 / 90.0).exp2(),
        1.0 - (-s_now / 3.0).exp(),
        1.0 - (-163.0f64 / 365.0).exp(),
        regular,
        21.0 / 22.0,
        0.25,
        0.0,
    ]);
    close("lee peak", rows[2].peak, peak);
    close("lee now", rows[2].strength, now);
    close("lee lost", rows[2].lost, peak - now);
    assert_eq!(rows[2].last_contact, Some(days(475.0)));
    assert_eq!(rows[2].last_channel, Some("in_person"));
    assert!(rows[0].lost > rows[2].lost);
    assert_eq!(
        rows[0].reason,
        format!(
            "dormant: peaked 13 months ago at {:.2}, now {:.2} (lost {:.2}); last contact 13 months ago (in_person)",
            rows[0].peak, rows[0].strength, rows[0].lost
        )
    );
    assert!(rows[2].reason.starts_with("cooling: peaked 3 months ago at"));

    let all = g.reconnect_all(2, days(t))?;
    let pairs: Vec<(&str, &str, usize)> = all
        .iter()
        .map(|r| (r.person.key.as_str(), r.other.key.as_str(), r.rank))
        .collect();
    assert_eq!(pairs, [("ana", "bo", 1), ("ana", "cy", 2)]);
    // from lee's side the same tie
    let lee = g.reconnect("lee", 1, days(t))?;
    assert_eq!((lee[0].other.key.as_str(), lee[0].lost), ("ana", rows[2].lost));
    // a window around lee's meetings only: bo and cy are out of view
    let v = g.view(&View::all().between(days(400.0), days(500.0)))?;
    let cooling_only = v.reconnect("ana", 10, days(t))?;
    assert_eq!(keys(cooling_only.iter().map(|r| r.other)), ["lee"]);
    Ok(())
}

// ----- due for contact --------------------------------------------------

fn due_graph() -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    // lee: emails on days 140 and 150, met on day 20
    email(&mut g, "ana", "lee", 140.0)?;
    email(&mut g, "lee", "ana", 150.0)?;
    meet(&mut g, "ana", "lee", 20.0)?;
    // bo: emails on days 100 and 190, never met
    email(&mut g, "ana", "bo", 100.0)?;
    email(&mut g, "bo", "ana", 190.0)?;
    // cy: an email on day 100, met on day 195
    email(&mut g, "ana", "cy", 100.0)?;
    meet(&mut g, "ana", "cy", 195.0)?;
    // fay and dan: emails both ways on day 150, likes yesterday
    for x in ["fay", "dan"] {
        email(&mut g, "ana", x, 150.0)?;
        email(&mut g, x, "ana", 150.0)?;
        g.add_interaction(Interaction::new(x, "ana", days(199.0), "reaction"))?;
    }
    // eve: an unanswered pitch; gus: all recent
    email(&mut g, "ana", "eve", 10.0)?;
    email(&mut g, "ana", "gus", 195.0)?;
    email(&mut g, "gus", "ana", 196.0)?;
    meet(&mut g, "ana", "gus", 190.0)?;
    Ok(g)
}

#[test]
fn due_for_contact_ranks_by_how_overdue() -> tiegraph::Result<()> {
    let g = due_graph()?;
    let cadence = Cadence::online(30.0).with_offline(90.0).meaningful_only();
    let rows = g.due_for_contact("ana", &cadence, days(200.0))?;
    assert_eq!(
        keys(rows.iter().map(|r| r.other)),
        ["cy", "lee", "dan", "fay", "bo"]
    );
    assert_eq!(rows.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    let expect = [
        (100.0 / 30.0, 70.0),
        (180.0 / 90.0, 90.0),
        (50.0 / 30.0, 20.0),
        (50.0 / 30.0, 20.0),
        (100.0 / 90.0, 10.0),
    ];
    for (r, (ratio, overdue)) in rows.iter().zip(expect) {
        assert_eq!((r.ratio, r.days_overdue), (ratio, overdue), "{}", r.other.key);
    }
    let lee = &rows[1];
    let on = lee.online.as_ref().expect("online overdue");
    assert_eq!(
        (on.mode, on.last, on.last_channel, on.since, on.due),
        (
            Mode::Online,
            Some(days(150.0)),
            Some("email"),
            days(150.0),
            days(180.0)
        )
    );
    assert_eq!(
        (on.ratio, on.days_overdue, on.period_days),
        (50.0 / 30.0, 20.0, 30.0)
    );
    let off = lee.offline.as_ref().expect("offline overdue");
    assert_eq!(
        (off.last, off.due, off.ratio),
        (Some(days(20.0)), days(110.0), 2.0)
    );
    assert_eq!(
        lee.reason,
        "online: last contact 50 days ago (email), due every 30 days, 20 days overdue; \
         offline: last met 180 days ago (in_person), due every 90 days, 90 days overdue"
    );
    // bo never met: the offline clock runs from the first email
    let bo = &rows[4];
    assert!(bo.online.is_none());
    let off = bo.offline.as_ref().expect("offline overdue");
    assert_eq!((off.last, off.since, off.due), (None, days(100.0), days(190.0)));
    assert_eq!(
        bo.reason,
        "offline: never met since first contact 100 days ago, due every 90 days, 10 days overdue"
    );
    // with meaningful_only, likes do not reset dan's online clock
    assert_eq!(rows[2].online.as_ref().map(|o| o.last), Some(Some(days(150.0))));
    assert_eq!(
        rows[0].reason,
        "online: last contact 100 days ago (email), due every 30 days, 70 days overdue"
    );
    // by default any interaction on an online channel resets it: yesterday's
    // likes keep dan and fay in touch
    let rows = g.due_for_contact("ana", &Cadence::online(30.0).with_offline(90.0), days(200.0))?;
    assert_eq!(keys(rows.iter().map(|r| r.other)), ["cy", "lee", "bo"]);
    Ok(())
}

#[test]
fn due_for_contact_on_one_mode_and_through_a_view() -> tiegraph::Result<()> {
    let g = due_graph()?;
    let rows = g.due_for_contact("ana", &Cadence::online(30.0).meaningful_only(), days(200.0))?;
    // lee, dan and fay are all 20 days past a 30-day cadence: key order
    assert_eq!(keys(rows.iter().map(|r| r.other)), ["cy", "dan", "fay", "lee"]);
    assert!(rows.iter().all(|r| r.offline.is_none()));
    let rows = g.due_for_contact("ana", &Cadence::offline(90.0), days(200.0))?;
    assert_eq!(keys(rows.iter().map(|r| r.other)), ["lee", "bo"]);
    // from day 120 on, lee's meeting and ana's email to bo are out of view:
    // lee never met (clock from day 140), bo and cy are one-sided or online-fresh
    let v = g.view(&View::all().between(days(120.0), days(300.0)))?;
    let rows = v.due_for_contact(
        "ana",
        &Cadence::online(30.0).with_offline(90.0).meaningful_only(),
        days(200.0),
    )?;
    assert_eq!(keys(rows.iter().map(|r| r.other)), ["dan", "fay", "lee"]);
    assert!(rows[2].offline.is_none());
    Ok(())
}

// ----- ego layers -------------------------------------------------------

fn layers_graph() -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    meet(&mut g, "ana", "bo", 0.0)?;
    email(&mut g, "ana", "bo", 5.0)?;
    email(&mut g, "bo", "ana", 6.0)?;
    g.add_interaction(Interaction::new("ana", "cy", days(0.0), "in_person").with_duration(1800.0))?;
    email(&mut g, "ana", "di", 0.0)?;
    email(&mut g, "di", "ana", 1.0)?;
    g.add_interaction(Interaction::new("ana", "ed", days(0.0), "public_reply"))?;
    g.add_interaction(Interaction::new("ed", "ana", days(1.0), "public_reply"))?;
    g.add_connection(Connection::mutual("ana", "fi", "linkedin"))?;
    email(&mut g, "ana", "gu", 0.0)?;
    Ok(g)
}

#[test]
fn ego_layers_cut_ranked_ties_into_circles() -> tiegraph::Result<()> {
    let g = layers_graph()?;
    let t = days(10.0);
    let layers = g.ego_layers_with("ana", &[1, 3], t)?;
    assert_eq!(layers.person.key, "ana");
    assert_eq!(layers.sizes, [1, 3]);
    assert_eq!(layers.layers.len(), 2);
    assert_eq!(layers.outside, 2); // ed and fi; gu's pitch has strength 0
    let l1 = &layers.layers[0];
    let l2 = &layers.layers[1];
    assert_eq!((l1.number, l1.size, l2.number, l2.size), (1, 1, 2, 3));
    assert_eq!(keys(l1.members.iter().map(|m| m.other)), ["bo"]);
    assert_eq!(keys(l2.members.iter().map(|m| m.other)), ["cy", "di"]);
    assert_eq!(l2.members.iter().map(|m| m.rank).collect::<Vec<_>>(), [2, 3]);
    close("cy", l2.members[0].strength, coffee_at_ten_days());
    close("di", l2.members[1].strength, email_pair_at_ten_days());
    for m in l1.members.iter().chain(&l2.members) {
        let k = m.other.key.as_str();
        assert_eq!(m.strength, g.strength("ana", k, t)?.value);
        assert_eq!(m.online_strength, g.online_strength("ana", k, t)?.value);
        assert_eq!(m.offline_strength, g.offline_strength("ana", k, t)?.value);
    }
    assert_eq!((l2.members[0].met, l2.members[1].met), (true, false));
    assert_eq!(l2.met_share, 0.5);
    let (cy, di) = (&l2.members[0], &l2.members[1]);
    close("mean", l2.mean_strength, (cy.strength + di.strength) / 2.0);
    close("online", l2.mean_online, di.strength / 2.0); // cy never wrote
    close("offline", l2.mean_offline, cy.strength / 2.0);
    assert_eq!(
        l2.reason,
        format!(
            "layer 2 (ranks 2-3): 2 ties, 1 met in person (50%); mean strength {:.2}, online {:.2}, offline {:.2}",
            l2.mean_strength, l2.mean_online, l2.mean_offline
        )
    );
    assert_eq!(
        di.reason,
        format!(
            "strength {:.2} (online {:.2}, offline 0.00); never met",
            di.strength, di.strength
        )
    );

    // Dunbar's default sizes: everyone in the inner five
    let dunbar = g.ego_layers("ana", t)?;
    assert_eq!(dunbar.sizes, [5, 15, 50, 150]);
    assert_eq!(dunbar.layers.len(), 1);
    assert_eq!(
        keys(dunbar.layers[0].members.iter().map(|m| m.other)),
        ["bo", "cy", "di", "ed", "fi"]
    );
    assert_eq!(dunbar.outside, 0);
    // offline only: bo and cy
    let off = g.view(&View::offline())?.ego_layers("ana", t)?;
    assert_eq!(
        keys(off.layers[0].members.iter().map(|m| m.other)),
        ["bo", "cy", "fi"]
    );
    Ok(())
}

// ----- offline lift -----------------------------------------------------

fn emails_every(
    g: &mut RelationshipGraph,
    a: &str,
    b: &str,
    from: f64,
    to: f64,
    step: f64,
) -> tiegraph::Result<()> {
    let mut d = from;
    while d <= to {
        email(g, a, b, d)?;
        d += step;
    }
    Ok(())
}

fn lift_graph() -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    // treated: online from day 0, met on day 120; 3 emails in [30, 120), 6 in [120, 210)
    emails_every(&mut g, "ana", "lee", 0.0, 90.0, 30.0)?;
    emails_every(&mut g, "lee", "ana", 130.0, 180.0, 10.0)?;
    meet(&mut g, "ana", "lee", 120.0)?;
    // treated: online from day 50, silent until they met on day 200, then 2 emails
    email(&mut g, "bo", "cy", 50.0)?;
    meet(&mut g, "bo", "cy", 200.0)?;
    email(&mut g, "cy", "bo", 210.0)?;
    email(&mut g, "bo", "cy", 220.0)?;
    // treated: online from day 0, met on day 100; 2 emails in [10, 100), 1 in [100, 190)
    emails_every(&mut g, "pat", "quin", 0.0, 60.0, 30.0)?;
    email(&mut g, "quin", "pat", 150.0)?;
    meet(&mut g, "pat", "quin", 100.0)?;
    // not treated: met after 60 days online; met too late to follow up
    emails_every(&mut g, "dan", "eve", 0.0, 300.0, 30.0)?;
    meet(&mut g, "dan", "eve", 60.0)?;
    emails_every(&mut g, "fay", "gus", 0.0, 300.0, 30.0)?;
    meet(&mut g, "fay", "gus", 350.0)?;
    // control candidates: online from days 10, 45 and 300
    emails_every(&mut g, "hal", "ivy", 10.0, 390.0, 10.0)?;
    emails_every(&mut g, "jo", "kim", 45.0, 195.0, 30.0)?;
    emails_every(&mut g, "lou", "max", 300.0, 390.0, 10.0)?;
    // neither: a big-group co-attendance is offline contact, if not meaningful
    emails_every(&mut g, "ned", "oz", 5.0, 300.0, 10.0)?;
    g.add_interaction(Interaction::new("ned", "oz", days(100.0), "event").with_weight(0.2))?;
    Ok(g)
}

#[test]
fn offline_lift_compares_met_ties_with_matched_ones_that_never_met() -> tiegraph::Result<()> {
    let g = lift_graph()?;
    let report = g.offline_lift(days(400.0))?;
    let pairs = |rows: &[tiegraph::LiftRow<'_>]| -> Vec<(String, String)> {
        rows.iter().map(|r| (r.a.key.clone(), r.b.key.clone())).collect()
    };
    let p = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        pairs(&report.treated),
        [p("ana", "lee"), p("bo", "cy"), p("pat", "quin")]
    );
    assert_eq!(pairs(&report.control), [p("hal", "ivy"), p("jo", "kim")]);

    let counts: Vec<(usize, usize)> = report.treated.iter().map(|r| (r.before, r.after)).collect();
    assert_eq!(counts, [(3, 6), (0, 2), (2, 1)]);
    let ratios: Vec<f64> = report.treated.iter().map(|r| r.ratio).collect();
    assert_eq!(ratios, [2.0, f64::INFINITY, 0.5]);
    let t = &report.treated[0];
    assert_eq!(
        (t.first_online, t.split, t.online_days),
        (days(0.0), days(120.0), 120.0)
    );
    assert_eq!((t.before_rate, t.after_rate), (1.0, 2.0));
    assert_eq!(
        t.matched.map(|(a, b)| (a.key.as_str(), b.key.as_str())),
        Some(("hal", "ivy"))
    );
    assert_eq!(
        t.reason,
        "first met 2026-05-05, 120 days after the first online contact; 1.00 -> 2.00 online contacts per 30 days (x2.00)"
    );
    assert!(report.treated[1].reason.ends_with("(up from none)"));
    assert_eq!(report.treated[2].matched, None); // no control left that fits

    // hal-ivy started on day 10: split 120 days later, on day 130
    let c = &report.control[0];
    assert_eq!((c.first_online, c.split), (days(10.0), days(130.0)));
    assert_eq!((c.before, c.after, c.ratio), (9, 9, 1.0));
    assert_eq!(
        c.matched.map(|(a, b)| (a.key.as_str(), b.key.as_str())),
        Some(("ana", "lee"))
    );
    assert_eq!(
        c.reason,
        "never met; split like ana-lee, 120 days after the first online contact; 3.00 -> 3.00 online contacts per 30 days (x1.00)"
    );
    // jo-kim (day 45) is the nearest to bo-cy (day 50), split 150 days later
    let c = &report.control[1];
    assert_eq!((c.split, c.before, c.after), (days(195.0), 3, 1));
    close("ratio", c.ratio, 1.0 / 3.0);

    let s = &report.treated_summary;
    assert_eq!((s.ties, s.median_ratio), (3, Some(2.0)));
    close("rose", s.share_rose.expect("ties"), 2.0 / 3.0);
    close(
        "before",
        s.mean_before_rate.expect("ties"),
        (1.0 + 0.0 + 2.0 / 3.0) / 3.0,
    );
    close(
        "after",
        s.mean_after_rate.expect("ties"),
        (2.0 + 2.0 / 3.0 + 1.0 / 3.0) / 3.0,
    );
    assert_eq!(
        s.reason,
        "3 ties: median ratio 2.00, 67% rose; mean 0.56 -> 1.00 online contacts per 30 days"
    );
    let s = &report.control_summary;
    assert_eq!((s.ties, s.share_rose), (2, Some(0.0)));
    close("median", s.median_ratio.expect("ties"), (1.0 + 1.0 / 3.0) / 2.0);
    close("before", s.mean_before_rate.expect("ties"), (3.0 + 1.0) / 2.0);
    Ok(())
}

#[test]
fn offline_lift_options_and_one_person() -> tiegraph::Result<()> {
    let g = lift_graph()?;
    let ana = LiftOptions {
        person: Some("ana".into()),
        ..LiftOptions::default()
    };
    let report = g.offline_lift_with(&ana, days(400.0))?;
    assert_eq!(report.treated.len(), 1);
    assert!(report.control.is_empty());
    assert_eq!(report.control_summary.median_ratio, None);
    assert_eq!(report.control_summary.reason, "no ties");
    assert_eq!(report.treated[0].matched, None);
    // a 60-day history admits dan-eve; 60-day windows, rates per week
    let short = LiftOptions {
        history_days: 60.0,
        window_days: 60.0,
        rate_days: 7.0,
        person: None,
    };
    let report = g.offline_lift_with(&short, days(400.0))?;
    assert!(report.treated.iter().any(|r| r.a.key == "dan"));
    let t = &report.treated[0];
    assert_eq!((t.a.key.as_str(), t.before, t.after), ("ana", 2, 5));
    close("rate", t.before_rate, 2.0 / (60.0 / 7.0));
    // a date before any follow-up: nothing treated
    assert!(g.offline_lift(days(180.0))?.treated.is_empty());
    Ok(())
}

// ----- errors -----------------------------------------------------------

#[test]
fn bad_arguments_are_typed_errors_naming_the_argument() -> tiegraph::Result<()> {
    let g = strongest_graph()?;
    let t = days(10.0);
    let not_found = |r: tiegraph::Result<()>| matches!(r, Err(Error::PersonNotFound { key }) if key == "zed");
    assert!(not_found(g.strongest_ties("zed", 1, t).map(|_| ())));
    assert!(not_found(g.meet_in_person("zed", 1, t).map(|_| ())));
    assert!(not_found(g.invite_list("zed", 1, t).map(|_| ())));
    assert!(not_found(g.reconnect("zed", 1, t).map(|_| ())));
    assert!(not_found(
        g.due_for_contact("zed", &Cadence::online(30.0), t).map(|_| ())
    ));
    assert!(not_found(g.ego_layers("zed", t).map(|_| ())));
    let zed = LiftOptions {
        person: Some("zed".into()),
        ..LiftOptions::default()
    };
    assert!(not_found(g.offline_lift_with(&zed, t).map(|_| ())));

    for err in [
        g.strongest_ties("ana", 0, t).map(|_| ()),
        g.strongest_ties_all(0, t).map(|_| ()),
        g.meet_in_person("ana", 0, t).map(|_| ()),
        g.meet_in_person_all(0, t).map(|_| ()),
        g.invite_list("ana", 0, t).map(|_| ()),
        g.reconnect("ana", 0, t).map(|_| ()),
        g.reconnect_all(0, t).map(|_| ()),
    ] {
        assert_eq!(invalid_argument(err), "k");
    }
    let err = g.strongest_ties("ana", 0, t).expect_err("k = 0");
    assert_eq!(err.to_string(), "invalid argument k: must be at least 1, got 0");

    let due = |c: Cadence| invalid_argument(g.due_for_contact("ana", &c, t));
    assert_eq!(due(Cadence::default()), "cadence");
    assert_eq!(due(Cadence::online(0.0)), "cadence.online_days");
    assert_eq!(
        due(Cadence::online(30.0).with_offline(-1.0)),
        "cadence.offline_days"
    );
    assert_eq!(due(Cadence::offline(f64::NAN)), "cadence.offline_days");

    let layers = |s: &[usize]| invalid_argument(g.ego_layers_with("ana", s, t));
    for sizes in [&[][..], &[0, 5], &[5, 5], &[5, 15, 10]] {
        assert_eq!(layers(sizes), "sizes");
    }
    let err = g
        .ego_layers_with("ana", &[5, 15, 10], t)
        .expect_err("not increasing");
    assert_eq!(
        err.to_string(),
        "invalid argument sizes: cumulative sizes must be strictly increasing, got 10 after 15"
    );

    let lift = |o: LiftOptions| invalid_argument(g.offline_lift_with(&o, t));
    let d = LiftOptions::default;
    assert_eq!(
        lift(LiftOptions {
            history_days: 0.0,
            ..d()
        }),
        "history_days"
    );
    assert_eq!(
        lift(LiftOptions {
            window_days: f64::INFINITY,
            ..d()
        }),
        "window_days"
    );
    assert_eq!(
        lift(LiftOptions {
            rate_days: -30.0,
            ..d()
        }),
        "rate_days"
    );
    Ok(())
}

#[test]
fn group_events_count_for_meetings() -> tiegraph::Result<()> {
    // a send-off dinner of four: 1/√3 each, meaningful
    let mut g = RelationshipGraph::new();
    email(&mut g, "ana", "lee", 0.0)?;
    email(&mut g, "lee", "ana", 1.0)?;
    g.add_event(GroupEvent::new(["ana", "lee", "bo", "cy"], days(5.0)))?;
    let rows = g.meet_in_person("ana", 5, days(10.0))?;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].last_met, Some(days(5.0)));
    close("recency", rows[0].offline_recency, (-5.0f64 / 90.0).exp2());
    Ok(())
}

// ----- a generated graph ------------------------------------------------

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const CHANNELS: [(&str, f64); 9] = [
    ("email", 0.26),
    ("direct_message", 0.17),
    ("public_reply", 0.13),
    ("reaction", 0.17),
    ("broadcast", 0.04),
    ("video_call", 0.03),
    ("phone_call", 0.05),
    ("in_person", 0.105),
    ("event", 0.045),
];

/// `n` interactions among `people` people over two years, on about three
/// ties per person, a few ties carrying most of them, and the date to ask
/// (the end of the two years).
fn generated(people: u64, n: usize, seed: u64) -> (Vec<Interaction>, DateTime<Utc>) {
    let mut rng = Rng(seed);
    let ties: Vec<(u64, u64)> = (0..people * 3)
        .map(|_| {
            let a = rng.below(people);
            // half the ties near in key space, half to a few hubs
            let b = if rng.unit() < 0.5 {
                (a + 1 + rng.below(50)) % people
            } else {
                (rng.unit().powi(3) * people as f64) as u64
            };
            (a, if b == a { (a + 1) % people } else { b })
        })
        .collect();
    let start = Utc
        .with_ymd_and_hms(2024, 11, 25, 0, 0, 0)
        .single()
        .expect("valid date");
    let span = 2 * 365 * 86_400;
    let rows = (0..n)
        .map(|_| {
            let (a, b) = ties[(rng.unit().powi(2) * ties.len() as f64) as usize];
            let (src, dst) = if rng.unit() < 0.45 { (b, a) } else { (a, b) };
            let mut u = rng.unit();
            let channel = CHANNELS
                .iter()
                .find(|(_, p)| {
                    u -= p;
                    u < 0.0
                })
                .map_or("email", |c| c.0);
            let at = start + TimeDelta::seconds(rng.below(span) as i64);
            let it = Interaction::new(format!("p{src:06}"), format!("p{dst:06}"), at, channel);
            if matches!(channel, "in_person" | "video_call" | "phone_call") {
                it.with_duration(60.0 + rng.below(7200) as f64)
            } else {
                it
            }
        })
        .collect();
    (rows, start + TimeDelta::seconds(span as i64))
}

fn check_top_k(people: u64, n: usize, k: usize) -> tiegraph::Result<()> {
    let (rows, t) = generated(people, n, 0x5eed);
    let mut g = RelationshipGraph::new();
    g.add_interactions(rows.iter().cloned())?;
    let started = std::time::Instant::now();
    let all = g.strongest_ties_all(k, t)?;
    eprintln!(
        "strongest_ties_all on {} people, {} ties, {} interactions: {:?} ({} rows)",
        g.person_count(),
        g.tie_count(),
        g.interaction_count(),
        started.elapsed(),
        all.len()
    );
    // an independent top-k: every tie's strength, sorted in full
    let w = StrengthGraph::new(&g.full_view(), t)?;
    let mut expected = Vec::new();
    for node in 0..w.len() {
        let (nbrs, strengths) = w.neighbours(node);
        let mut mine: Vec<(f64, u32)> = strengths.iter().copied().zip(nbrs.iter().copied()).collect();
        mine.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for (rank, (v, other)) in mine.into_iter().take(k).enumerate() {
            expected.push((node, other as usize, rank + 1, v));
        }
    }
    assert_eq!(all.len(), expected.len());
    for (row, (node, other, rank, v)) in all.iter().zip(&expected) {
        assert_eq!(row.person.key, w.person(*node).key);
        assert_eq!(row.other.key, w.person(*other).key);
        assert_eq!((row.rank, row.strength.to_bits()), (*rank, v.to_bits()));
    }
    // the invariants, on the rows themselves
    for pair in all.windows(2) {
        let (x, y) = (&pair[0], &pair[1]);
        if x.person.key == y.person.key {
            assert_eq!(y.rank, x.rank + 1);
            assert!(
                x.strength > y.strength || (x.strength == y.strength && x.other.key < y.other.key),
                "{x:?} before {y:?}"
            );
        } else {
            assert!(x.person.key < y.person.key);
            assert_eq!(y.rank, 1);
        }
        assert!(x.rank <= k && x.strength > 0.0);
    }
    // deterministic, whatever the order the interactions came in
    let again = g.strongest_ties_all(k, t)?;
    assert_eq!(all, again);
    let mut reversed = RelationshipGraph::new();
    reversed.add_interactions(rows.into_iter().rev())?;
    assert_eq!(all, reversed.strongest_ties_all(k, t)?);
    // and the same as one person at a time
    for key in ["p000000", "p000001", "p000042"] {
        let one = g.strongest_ties(key, k, t)?;
        let mine: Vec<_> = all.iter().filter(|r| r.person.key == key).collect();
        assert_eq!(one.len(), mine.len());
        for (x, y) in one.iter().zip(mine) {
            assert_eq!((x.other, x.rank, x.strength.value), (y.other, y.rank, y.strength));
        }
    }
    Ok(())
}

/// One person's ties are scored on the calling thread below a couple of
/// thousand ties and on the pool above: both give the bulk table's rows.
#[test]
fn strongest_ties_of_small_and_large_hubs_agree_with_the_bulk_table() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    for (hub, n) in [("hub-small", 300), ("hub-large", 3000)] {
        for k in 0..n {
            let other = format!("{hub}-{k:05}");
            // 7 distinct days, so most strengths are shared and the key breaks the tie
            let d = f64::from(k % 7);
            email(&mut g, hub, &other, d)?;
            email(&mut g, &other, hub, d + 1.0)?;
        }
    }
    let t = days(30.0);
    let all = g.strongest_ties_all(10, t)?;
    for hub in ["hub-small", "hub-large"] {
        let one = g.strongest_ties(hub, 10, t)?;
        let mine: Vec<_> = all.iter().filter(|r| r.person.key == hub).collect();
        assert_eq!(one.len(), 10);
        assert_eq!(one.len(), mine.len());
        for (x, y) in one.iter().zip(mine) {
            assert_eq!((x.other.key.as_str(), x.rank), (y.other.key.as_str(), y.rank));
            assert_eq!(x.strength.value.to_bits(), y.strength.to_bits());
        }
        // the freshest exchange (day 6, answered on day 7) wins, lowest keys first
        let want: Vec<String> = (0..10).map(|i| format!("{hub}-{:05}", 6 + 7 * i)).collect();
        let got: Vec<&str> = one.iter().map(|r| r.other.key.as_str()).collect();
        assert_eq!(got, want);
    }
    Ok(())
}

#[test]
fn strongest_ties_all_on_20k_people() -> tiegraph::Result<()> {
    check_top_k(20_000, 200_000, 10)
}

#[test]
#[ignore = "about 13 s in a debug build; run with --release --ignored"]
fn strongest_ties_all_on_100k_people() -> tiegraph::Result<()> {
    check_top_k(100_000, 1_000_000, 10)
}

/// A tie that never met except in a big crowd is still online only, and worth
/// converting, even though the crowd added a little to its full strength.
#[test]
fn invite_list_counts_crowds_as_not_having_met() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    for k in 0..10 {
        email(&mut g, "ana", "lee", 7.0 * f64::from(k))?;
        email(&mut g, "lee", "ana", 7.0 * f64::from(k) + 1.0)?;
    }
    let crowd: Vec<String> = ["ana", "lee"]
        .into_iter()
        .map(str::to_string)
        .chain((0..18).map(|i| format!("guest{i:02}")))
        .collect();
    g.add_event(tiegraph::GroupEvent::new(crowd, days(60.0)))?;
    let at = days(70.0);
    let s = g.strength("ana", "lee", at)?;
    let online = g.online_strength("ana", "lee", at)?;
    assert!(
        s.online_only && s.value > online.value,
        "{} vs {}",
        s.value,
        online.value
    );
    let rows = g.invite_list("ana", 1, at)?;
    assert_eq!(rows[0].other.key, "lee");
    assert_eq!(rows[0].category, tiegraph::InviteCategory::WorthConverting);
    assert!(rows[0].priority < rows[0].strength);
    Ok(())
}
