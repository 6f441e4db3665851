// Units and enumerations used by B2B listings (selling units, weights, dimensions, currencies).
import { z } from 'zod'

export const CURRENCIES = ['EUR', 'USD', 'CNY', 'GBP'] as const
export const Currency = z.enum(CURRENCIES)
export type Currency = z.infer<typeof Currency>

export const SELLING_UNITS = [
  'piece', 'bottle', 'carton', 'box', 'case', 'kilogram', 'litre', 'set', 'pair', 'tin', 'jar', 'bag', 'dozen', 'pallet'
] as const
export const SellingUnit = z.enum(SELLING_UNITS)
export type SellingUnit = z.infer<typeof SellingUnit>

export const WEIGHT_UNITS = ['kg', 'g'] as const
export const WeightUnit = z.enum(WEIGHT_UNITS)
export const LENGTH_UNITS = ['cm', 'mm', 'm'] as const
export const LengthUnit = z.enum(LENGTH_UNITS)

export const SUPPLY_PERIODS = ['day', 'week', 'month', 'year'] as const
export const SupplyPeriod = z.enum(SUPPLY_PERIODS)

/** Ports Italian exporters ship from (FOB). Free text is allowed too; these are suggestions. */
export const ITALIAN_FOB_PORTS = [
  'Genova', 'La Spezia', 'Livorno', 'Napoli', 'Salerno', 'Trieste', 'Venezia', 'Ancona', 'Bari', 'Gioia Tauro', 'Ravenna'
] as const

/** Certifications that matter for Italian food, wine, fashion and cosmetics exports. */
export const CERTIFICATIONS = [
  'DOP', 'IGP', 'DOC', 'DOCG', 'IGT', 'STG', 'organic', 'CE', 'halal', 'kosher', 'vegan', 'ISO 9001', 'BRC', 'IFS'
] as const

/** Number attribute units (for typed attributes "number with unit"). */
export const MEASURE_UNITS = [
  '%', '% vol', 'L', 'cl', 'ml', 'kg', 'g', 'cm', 'mm', 'm', 'months', 'days', 'years', 'pieces'
] as const
