//! The monotone cubic the emotion curve is drawn with.

use super::frame::Segment;
use super::geom::Point;

/// A monotone cubic through `points` (x strictly increasing), as Bézier
/// segments: Steffen's method, whose slopes keep every piece between its
/// two points, so the curve never overshoots a score or leaves the band.
/// Only arithmetic: the same bytes on every platform.
pub(crate) fn monotone(points: &[Point]) -> Vec<Segment> {
    let n = points.len();
    let mut segments = Vec::with_capacity(n);
    let Some(&start) = points.first() else { return segments };
    segments.push(Segment::Move(start));
    if n < 2 {
        return segments;
    }
    let h: Vec<f64> = points.windows(2).map(|w| w[1].x - w[0].x).collect();
    let d: Vec<f64> =
        points.windows(2).zip(&h).map(|(w, h)| if *h > 0.0 { (w[1].y - w[0].y) / h } else { 0.0 }).collect();
    let mut m = vec![0.0; n];
    m[0] = d[0];
    m[n - 1] = d[n - 2];
    for k in 1..n - 1 {
        let (d0, d1) = (d[k - 1], d[k]);
        if d0 * d1 <= 0.0 {
            continue;
        }
        let p = (d0 * h[k] + d1 * h[k - 1]) / (h[k - 1] + h[k]);
        m[k] = d0.signum() * (2.0 * d0.abs().min(d1.abs())).min(0.5 * p.abs());
    }
    // An end slope may not exceed three times its secant (the monotone
    // region of a cubic Hermite piece).
    for (k, dk) in [(0, d[0]), (n - 1, d[n - 2])] {
        if m[k].abs() > 3.0 * dk.abs() {
            m[k] = 3.0 * dk;
        }
    }
    for k in 0..n - 1 {
        let (a, b) = (points[k], points[k + 1]);
        let third = h[k] / 3.0;
        segments.push(Segment::Cubic(
            Point::new(a.x + third, a.y + m[k] * third),
            Point::new(b.x - third, b.y - m[k + 1] * third),
            b,
        ));
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Samples a Bézier segment at `t`.
    fn at(p0: Point, p1: Point, p2: Point, p3: Point, t: f64) -> Point {
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        Point::new(a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y)
    }

    #[test]
    fn the_curve_never_leaves_the_range_of_its_neighbours() {
        let ys = [5.0, 1.0, 5.0, 5.0, 1.0, 2.0, 4.0, 1.0, 1.0, 5.0];
        let points: Vec<Point> =
            ys.iter().enumerate().map(|(i, y)| Point::new(i as f64 * (1.0 + (i % 3) as f64), *y)).collect();
        let segments = monotone(&points);
        let mut from = points[0];
        for (k, s) in segments.iter().skip(1).enumerate() {
            let Segment::Cubic(p1, p2, p3) = *s else { panic!("cubic expected") };
            let (lo, hi) = (points[k].y.min(points[k + 1].y), points[k].y.max(points[k + 1].y));
            for i in 0..=50 {
                let p = at(from, p1, p2, p3, f64::from(i) / 50.0);
                assert!(p.y >= lo - 1e-9 && p.y <= hi + 1e-9, "segment {k} leaves [{lo}, {hi}]: {p:?}");
            }
            from = p3;
        }
    }

    #[test]
    fn one_point_is_no_curve() {
        assert_eq!(monotone(&[Point::new(1.0, 1.0)]).len(), 1);
        assert!(monotone(&[]).is_empty());
    }
}

#[cfg(test)]
mod sweep {
    use super::*;

    /// Whether every piece of `segments` stays between its two points: a
    /// Bézier piece lies in the hull of its control points, so controls
    /// between the points keep the piece between them.
    fn stays_between(points: &[Point], segments: &[Segment]) -> Result<(), String> {
        let mut from = points[0];
        for (k, s) in segments.iter().skip(1).enumerate() {
            let Segment::Cubic(p1, p2, p3) = *s else { return Err(format!("piece {k} is not a cubic")) };
            let (lo, hi) = (points[k].y.min(points[k + 1].y), points[k].y.max(points[k + 1].y));
            for p in [p1, p2] {
                if p.y < lo - 1e-9 || p.y > hi + 1e-9 || p.x < from.x || p.x > p3.x {
                    return Err(format!("piece {k}: control {p:?} outside [{lo}, {hi}]"));
                }
            }
            from = p3;
        }
        Ok(())
    }

    /// Thousands of score sequences at uneven spacing: every piece stays
    /// between its two points, so the curve never leaves 1–5 either.
    #[test]
    fn no_piece_overshoots_on_any_sequence() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..2000 {
            let len = 2 + next(12) as usize;
            let mut x = 0.0;
            let points: Vec<Point> = (0..len)
                .map(|_| {
                    x += 1.0 + next(300) as f64;
                    Point::new(x, 1.0 + next(41) as f64 / 10.0)
                })
                .collect();
            if let Err(e) = stays_between(&points, &monotone(&points)) {
                panic!("{points:?}: {e}");
            }
        }
    }

    #[test]
    fn the_check_catches_an_overshoot() {
        // Central-difference slopes (a Catmull-Rom spline) overshoot at a
        // peak's shoulder: the check must say so.
        let points = [Point::new(0.0, 1.0), Point::new(1.0, 4.0), Point::new(2.0, 5.0), Point::new(3.0, 5.0)];
        let slope = |k: usize| (points[(k + 1).min(3)].y - points[k.saturating_sub(1)].y) / 2.0;
        let mut segments = vec![Segment::Move(points[0])];
        for k in 0..3 {
            let (a, b) = (points[k], points[k + 1]);
            segments.push(Segment::Cubic(
                Point::new(a.x + 1.0 / 3.0, a.y + slope(k) / 3.0),
                Point::new(b.x - 1.0 / 3.0, b.y - slope(k + 1) / 3.0),
                b,
            ));
        }
        assert!(stays_between(&points, &segments).is_err());
        assert!(stays_between(&points, &monotone(&points)).is_ok());
    }
}
