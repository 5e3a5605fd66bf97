//! UTC timestamps without a clock inside the stages: callers pass seconds
//! since the epoch (from `SOURCE_DATE_EPOCH`, file times or the system clock).

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970-01-01 UTC.
pub fn rfc3339(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Seconds since 1970-01-01 UTC of `YYYY-MM-DDTHH:MM:SSZ`, as
/// [`rfc3339`] writes it (the memory's revision times); `None` for
/// anything else.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let shape = b.len() == 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'Z';
    if !shape {
        return None;
    }
    let field = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    let (month, day) = (field(5..7)?, field(8..10)?);
    let (hour, minute, second) = (field(11..13)?, field(14..16)?, field(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let days = days_from_civil(i64::from(field(0..4)?), month, i64::from(day));
    Some(days * 86_400 + i64::from(hour * 3600 + minute * 60 + second))
}

/// `YYYY-MM-DD` for seconds since 1970-01-01 UTC.
pub fn ymd(secs: i64) -> String {
    rfc3339(secs)[..10].to_string()
}

/// Now, as seconds since the epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Year, month and day in the Solar Hijri calendar (the official calendar
/// of Iran and Afghanistan) of seconds since 1970-01-01 UTC.
///
/// The year begins at Nowruz. Its leap years follow the astronomical
/// calendar through the 33-year cycles between the "break" years
/// Borkowski found (The Persian calendar for 3000 years, 1996); valid for
/// the years 1 to 3177.
pub fn solar_hijri(secs: i64) -> (i64, u32, u32) {
    let days = secs.div_euclid(86_400);
    let (gregorian_year, _, _) = civil_from_days(days);
    let mut year = gregorian_year - 621;
    let (nowruz_day, previous_is_leap) = nowruz(year);
    let mut day_of_year = days - days_from_civil(gregorian_year, 3, nowruz_day);
    if day_of_year < 0 {
        // Before this Gregorian year's Nowruz: the end of the last Solar year.
        year -= 1;
        day_of_year += if previous_is_leap { 366 } else { 365 };
    }
    // Six months of 31 days, five of 30, then Esfand of 29 or 30.
    let (month, day) = if day_of_year < 186 {
        (day_of_year / 31 + 1, day_of_year % 31 + 1)
    } else {
        let rest = day_of_year - 186;
        (rest / 30 + 7, rest % 30 + 1)
    };
    (year, month as u32, day as u32)
}

/// Solar Hijri years in which a 33-year cycle of leap years restarts.
const BREAKS: [i64; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

/// The March day on which Solar Hijri `year` begins, and whether the year
/// before it was a leap year.
fn nowruz(year: i64) -> (i64, bool) {
    let gregorian_year = year + 621;
    // Leap days in the Solar Hijri calendar before `year`, counted from
    // the first break: eight in each 33 years, one in each 4 of the rest.
    let mut leap_days = -14;
    let mut start = BREAKS[0];
    let mut jump = 0;
    for &next in &BREAKS[1..] {
        jump = next - start;
        if year < next {
            break;
        }
        leap_days += jump / 33 * 8 + jump % 33 / 4;
        start = next;
    }
    let mut into_cycle = year - start;
    leap_days += into_cycle / 33 * 8 + (into_cycle % 33 + 3) / 4;
    if jump % 33 == 4 && jump - into_cycle == 4 {
        leap_days += 1;
    }
    let gregorian_leap_days = gregorian_year / 4 - (gregorian_year / 100 + 1) * 3 / 4 - 150;
    let march_day = 20 + leap_days - gregorian_leap_days;
    // Years since the last leap year, to tell whether `year - 1` was one.
    if jump - into_cycle < 6 {
        into_cycle = into_cycle - jump + (jump + 4) / 33 * 33;
    }
    let since_leap = match (into_cycle + 1) % 33 - 1 {
        -1 => 4,
        n => n % 4,
    };
    (march_day, since_leap == 1)
}

/// `12 Azar 1405` (`12 آذر 1405` with `persian_names`): a Solar Hijri date
/// as a colophon writes it, in ASCII digits.
pub fn solar_hijri_long(secs: i64, persian_names: bool) -> String {
    let (year, month, day) = solar_hijri(secs);
    let (persian, latin) = SOLAR_HIJRI_MONTHS[month as usize - 1];
    let name = if persian_names { persian } else { latin };
    format!("{day} {name} {year}")
}

/// Solar Hijri month names, in Persian and in the usual Latin transliteration.
const SOLAR_HIJRI_MONTHS: [(&str, &str); 12] = [
    ("فروردین", "Farvardin"),
    ("اردیبهشت", "Ordibehesht"),
    ("خرداد", "Khordad"),
    ("تیر", "Tir"),
    ("مرداد", "Mordad"),
    ("شهریور", "Shahrivar"),
    ("مهر", "Mehr"),
    ("آبان", "Aban"),
    ("آذر", "Azar"),
    ("دی", "Dey"),
    ("بهمن", "Bahman"),
    ("اسفند", "Esfand"),
];

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's
/// days-from-civil, the inverse of [`civil_from_days`]).
fn days_from_civil(year: i64, month: u32, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_674_816_000), "2023-01-27T10:40:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(ymd(1_798_675_199), "2026-12-30");
    }

    #[test]
    fn reads_back_what_it_writes() {
        for secs in [0, 951_782_400, 1_674_816_000, 1_798_675_199] {
            assert_eq!(parse_rfc3339(&rfc3339(secs)), Some(secs));
        }
        for bad in [
            "2026-12-03",
            "2026-12-03T10:00:00+01:00",
            "2026-13-03T10:00:00Z",
            "2026-1a-03T10:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    fn at(date: &str) -> i64 {
        let (y, rest) = date.split_once('-').unwrap();
        let (m, d) = rest.split_once('-').unwrap();
        days_from_civil(y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap()) * 86_400
    }

    #[test]
    fn solar_hijri_dates_match_the_iranian_calendar() {
        // Nowruz, the last day of a leap and a common year, and days
        // between, as the calendar of Iran has them.
        for (gregorian, solar) in [
            ("2024-03-20", (1403, 1, 1)),
            ("2025-03-21", (1404, 1, 1)),
            ("2020-03-20", (1399, 1, 1)),
            ("2026-12-03", (1405, 9, 12)),
            ("2025-03-20", (1403, 12, 30)),
            ("2024-03-19", (1402, 12, 29)),
            ("1975-03-21", (1354, 1, 1)),
            ("2016-03-20", (1395, 1, 1)),
            ("2000-02-29", (1378, 12, 10)),
            ("1970-01-01", (1348, 10, 11)),
            ("2029-03-19", (1407, 12, 29)),
            ("2030-03-20", (1408, 12, 30)),
        ] {
            assert_eq!(solar_hijri(at(gregorian)), solar, "{gregorian}");
        }
        assert_eq!(solar_hijri(at("2026-12-03") + 86_399), (1405, 9, 12));
    }

    #[test]
    fn solar_hijri_days_follow_each_other_for_three_centuries() {
        let mut previous = solar_hijri(at("1900-01-01"));
        for day in 1..(300 * 366) {
            let (y, m, d) = solar_hijri(at("1900-01-01") + day * 86_400);
            let (py, pm, pd) = previous;
            let month_length = match pm {
                1..=6 => 31,
                7..=11 => 30,
                _ => pd.max(29),
            };
            let next = if pd < month_length {
                (py, pm, pd + 1)
            } else if pm < 12 {
                (py, pm + 1, 1)
            } else {
                (py + 1, 1, 1)
            };
            // Esfand has 29 days, or 30 in a leap year.
            let esfand_30 = pm == 12 && pd == 29 && (y, m, d) == (py, 12, 30);
            assert!(
                (y, m, d) == next || esfand_30,
                "{previous:?} then {:?}",
                (y, m, d)
            );
            previous = (y, m, d);
        }
    }
}
