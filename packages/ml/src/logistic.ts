import { sigmoid } from './stats.ts';

/** A fitted logistic regression: log-odds = intercept + Σ coefficient·x. */
export type LogisticModel = { intercept: number; coefficients: number[] };

export type LogisticOptions = {
  /** L2 penalty on the coefficients (not the intercept); the loss is Σ log-loss + λ/2·‖β‖². */
  l2: number;
  maxIterations?: number;
  /** stop when no coefficient moves by more than this in one Newton step */
  tolerance?: number;
};

/**
 * L2-regularised logistic regression by Newton's method (IRLS). The penalised log-likelihood is strictly
 * concave, so Newton converges from zero in a handful of steps and the answer doesn't depend on a seed
 * or a learning rate: the same data gives the same coefficients, bit for bit.
 */
export function fitLogistic(
  rows: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  options: LogisticOptions,
): LogisticModel {
  const p = rows[0]?.length ?? 0;
  const dim = p + 1; // column 0 is the intercept
  const beta = new Float64Array(dim);
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Float64Array(dim);
    const hessian = new Float64Array(dim * dim);
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r] as ArrayLike<number>;
      let z = beta[0] as number;
      for (let j = 0; j < p; j++) z += (beta[j + 1] as number) * (x[j] as number);
      const mu = sigmoid(z);
      const residual = (labels[r] as number) - mu;
      const weight = mu * (1 - mu);
      accumulate(gradient, hessian, x, residual, weight, dim);
    }
    for (let j = 1; j < dim; j++) {
      gradient[j] = (gradient[j] as number) - options.l2 * (beta[j] as number);
      hessian[j * dim + j] = (hessian[j * dim + j] as number) + options.l2;
    }
    mirrorUpper(hessian, dim);
    const step = solveCholesky(hessian, gradient, dim);
    let largest = 0;
    for (let j = 0; j < dim; j++) {
      beta[j] = (beta[j] as number) + (step[j] as number);
      largest = Math.max(largest, Math.abs(step[j] as number));
    }
    if (largest < tolerance) break;
  }
  return { intercept: beta[0] as number, coefficients: Array.from(beta.subarray(1)) };
}

/** Adds one row's gradient and (upper-triangle) Hessian terms; x is implicitly prefixed with 1. */
function accumulate(
  gradient: Float64Array,
  hessian: Float64Array,
  x: ArrayLike<number>,
  residual: number,
  weight: number,
  dim: number,
): void {
  for (let a = 0; a < dim; a++) {
    const xa = a === 0 ? 1 : (x[a - 1] as number);
    if (xa === 0) continue; // one-hot rows are mostly zeros
    gradient[a] = (gradient[a] as number) + residual * xa;
    const wa = weight * xa;
    for (let b = a; b < dim; b++) {
      const xb = b === 0 ? 1 : (x[b - 1] as number);
      if (xb !== 0) hessian[a * dim + b] = (hessian[a * dim + b] as number) + wa * xb;
    }
  }
}

function mirrorUpper(m: Float64Array, dim: number): void {
  for (let a = 0; a < dim; a++) for (let b = a + 1; b < dim; b++) m[b * dim + a] = m[a * dim + b] as number;
}

/** Solves A·x = b for a symmetric positive-definite A (the penalised information matrix). */
export function solveCholesky(a: Float64Array, b: Float64Array, dim: number): Float64Array {
  const l = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * dim + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * dim + k] as number) * (l[j * dim + k] as number);
      // a tiny ridge keeps an unpenalised, perfectly collinear intercept column solvable
      l[i * dim + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (l[j * dim + j] as number);
    }
  }
  const y = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * dim + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * dim + i] as number);
  }
  const x = new Float64Array(dim);
  for (let i = dim - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < dim; k++) sum -= (l[k * dim + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * dim + i] as number);
  }
  return x;
}

/** Log-odds of one row. */
export function logOdds(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++)
    z += (model.coefficients[j] as number) * (x[j] as number);
  return z;
}

/** Probability of the positive class for each row. */
export function predictLogistic(model: LogisticModel, rows: readonly ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = sigmoid(logOdds(model, rows[r] as ArrayLike<number>));
  return out;
}
