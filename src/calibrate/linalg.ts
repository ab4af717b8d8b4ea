// The little linear algebra ABC-SMC needs: a weighted covariance and a Cholesky factor, on
// plain arrays (dimensions are tens, not thousands).

/** Weighted covariance of points (rows) with normalised weights: Σ wᵢ (xᵢ − μ)(xᵢ − μ)ᵀ. */
export function weightedCovariance(points: readonly (readonly number[])[], weights: readonly number[]): number[][] {
  const d = points[0]?.length ?? 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = new Array<number>(d).fill(0);
  points.forEach((p, i) => p.forEach((v, j) => (mean[j] += (weights[i] / total) * v)));
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  points.forEach((p, i) => {
    const w = weights[i] / total;
    for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[a][b] += w * (p[a] - mean[a]) * (p[b] - mean[b]);
  });
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[b][a] = cov[a][b];
  return cov;
}

/**
 * Lower-triangular L with L Lᵀ = A for a symmetric positive semi-definite A. A degenerate
 * direction (all particles equal in some combination of parameters) gets a small ridge —
 * 1e-12, then ×100 until it factors — so the kernel still perturbs in it, a little.
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const scale = Math.max(1e-300, ...a.map((row, i) => Math.abs(row[i])));
  for (let ridge = 0; ridge <= 1; ridge = ridge === 0 ? 1e-12 : ridge * 100) {
    const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = a[i][j] + (i === j ? ridge * scale : 0);
        for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
        if (i === j) {
          if (!(s > 0)) {
            ok = false;
            break;
          }
          l[i][i] = Math.sqrt(s);
        } else l[i][j] = s / l[j][j];
      }
    }
    if (ok) return l;
  }
  throw new Error('cholesky: the matrix is not positive semi-definite');
}
