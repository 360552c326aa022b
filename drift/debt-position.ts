import type { DriftParams } from './params.ts';

/** A collateralized loan: `collateral` units against `debt` index units, closed once liquidated. */
export interface DebtPosition {
  collateral: number;
  debt: number;
  /** The step it was liquidated on, or −1. */
  liquidatedStep: number;
  /** What the liquidation took from the owner's equity (index units): the penalty, at most the equity. */
  loss: number;
  /** What the lender could not recover when the collateral no longer covered the debt (index units). */
  badDebt: number;
}

/** The same capital as the rolling holder (`capital` index units at index `x`) as collateral, with a loan at the LTV. */
export function openDebt(capital: number, x: number, params: DriftParams): DebtPosition {
  return { collateral: capital / x, debt: params.ltv * capital, liquidatedStep: -1, loss: 0, badDebt: 0 };
}

/** The owner's equity at index `x`: collateral value less debt (index units). */
export function debtEquity(position: DebtPosition, x: number): number {
  return position.collateral * x - position.debt;
}

/**
 * Liquidates the position on `step` if its health factor, collateral·x·threshold / debt, is below
 * 1: the liquidator repays the debt and seizes collateral worth debt·(1 + penalty), or all of it
 * when it is worth less (the rest is bad debt). The owner keeps what remains, unlevered. Returns
 * whether it was liquidated now.
 */
export function checkLiquidation(position: DebtPosition, x: number, step: number, params: DriftParams): boolean {
  if (position.debt === 0 || position.collateral * x * params.liquidationThreshold >= position.debt) return false;
  const seized = Math.min(position.collateral, (position.debt * (1 + params.liquidationPenalty)) / x);
  const recovered = seized * x;
  position.loss = Math.max(0, recovered - position.debt);
  position.badDebt = Math.max(0, position.debt - recovered);
  position.collateral -= seized;
  position.debt = 0;
  position.liquidatedStep = step;
  return true;
}
