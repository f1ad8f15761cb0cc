/** Robust line fitting for the sync estimator: RANSAC over point pairs, then least squares on the inliers. */

/** A weighted observation y at x. */
export interface WeightedPoint {
  x: number;
  y: number;
  weight: number;
}

/** The line y = slope * x + intercept. */
export interface Line {
  slope: number;
  intercept: number;
}

/** A line with the points that agree with it. */
export interface RobustFit extends Line {
  /** Per input point: whether it lies within the tolerance of the line. */
  inliers: boolean[];
  /** Sum of the inliers' weights divided by the sum of all weights (0 when there is no weight). */
  inlierShare: number;
}

export interface RansacOptions {
  /** A point is an inlier when |y - line(x)| <= tolerance. */
  tolerance: number;
  /** Lines steeper than this are never considered. */
  maxSlope: number;
  /** When false, only horizontal lines (slope 0) are fitted. */
  fitSlope: boolean;
}

/**
 * Exhaustive RANSAC: every pair of points (and every single point as a horizontal line) is a
 * candidate; the one with the most inlier weight wins, ties broken by the smaller inlier
 * residual. Deterministic, O(n^3) for n points, meant for tens of points (sync windows).
 * The winner is refitted by weighted least squares over its inliers.
 */
export function ransacLine(points: readonly WeightedPoint[], options: RansacOptions): RobustFit | null {
  const usable = points.filter((p) => p.weight > 0);
  if (usable.length === 0) return null;
  let best: { line: Line; weight: number; residual: number } | null = null;
  const consider = (line: Line): void => {
    if (Math.abs(line.slope) > options.maxSlope) return;
    let weight = 0;
    let residual = 0;
    for (const p of usable) {
      const r = Math.abs(p.y - (line.slope * p.x + line.intercept));
      if (r <= options.tolerance) {
        weight += p.weight;
        residual += r * p.weight;
      }
    }
    if (!best || weight > best.weight + 1e-9 || (Math.abs(weight - best.weight) <= 1e-9 && residual < best.residual)) {
      best = { line, weight, residual };
    }
  };
  for (const p of usable) consider({ slope: 0, intercept: p.y });
  if (options.fitSlope) {
    for (let i = 0; i < usable.length; i++) {
      for (let j = i + 1; j < usable.length; j++) {
        const a = usable[i] as WeightedPoint;
        const b = usable[j] as WeightedPoint;
        if (a.x === b.x) continue;
        const slope = (b.y - a.y) / (b.x - a.x);
        consider({ slope, intercept: a.y - slope * a.x });
      }
    }
  }
  const chosen = (best as { line: Line } | null)?.line;
  if (!chosen) return null;
  const near = (p: WeightedPoint, line: Line) =>
    Math.abs(p.y - (line.slope * p.x + line.intercept)) <= options.tolerance;
  const refined = leastSquares(
    usable.filter((p) => near(p, chosen)),
    options.fitSlope,
  );
  // The refit may drift off the consensus on degenerate inputs; keep the candidate then.
  const line = refined && Math.abs(refined.slope) <= options.maxSlope ? refined : chosen;
  return withInliers(points, line, options.tolerance);
}

/** Marks the points within `tolerance` of `line` and sums their share of the weight. */
export function withInliers(points: readonly WeightedPoint[], line: Line, tolerance: number): RobustFit {
  let total = 0;
  let agreeing = 0;
  const inliers = points.map((p) => {
    const inlier = p.weight > 0 && Math.abs(p.y - (line.slope * p.x + line.intercept)) <= tolerance;
    total += Math.max(0, p.weight);
    if (inlier) agreeing += p.weight;
    return inlier;
  });
  return { ...line, inliers, inlierShare: total > 0 ? agreeing / total : 0 };
}

/**
 * Weighted least-squares line (or weighted mean when `fitSlope` is false or the x values do not
 * spread); null without weight.
 */
export function leastSquares(points: readonly WeightedPoint[], fitSlope = true): Line | null {
  let w = 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    w += p.weight;
    sx += p.weight * p.x;
    sy += p.weight * p.y;
  }
  if (w <= 0) return null;
  const mx = sx / w;
  const my = sy / w;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += p.weight * (p.x - mx) ** 2;
    sxy += p.weight * (p.x - mx) * (p.y - my);
  }
  // Points bunched within a few ms of each other say nothing about a slope.
  if (!fitSlope || sxx <= 1e-6 * w) return { slope: 0, intercept: my };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
