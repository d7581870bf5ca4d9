// Package entitlement prices support tiers and holds the plain data that
// describes a support contract: what a tier costs, which features it has,
// whether a legacy contract may migrate, and who may act on a case.
//
// The package is pure Go: it knows nothing about YAML or CEL. Package rules
// compiles a catalog into an engine that fills in the types defined here;
// billing systems may use the prices on their own.
//
// # Money
//
// [money.Money] is exact: an int64 count of minor units (cents for USD, yen for
// JPY, fils for BHD) and an ISO 4217 currency code. It never uses float64.
// [money.ParseMoney] reads "85000.50 USD"; [money.Money.String] writes the amount with
// the currency's minor digits ("6150.00 USD", "1000 JPY"). Commas are accepted
// as thousands separators only when every group has exactly three digits
// ("1,200,000 USD"), so "85,000.50 USD" parses but "85,00 USD" is an error;
// the decimal separator is always a point.
//
// # Rates and prices
//
// A [money.Rate] is an exact percentage with up to six decimal places ("7%",
// "2.5%", "0.125%"), between 0% and 100%. A [Price] has a minimum fee, an
// optional maximum, and [Band]s. In the [Graduated] model (the default) each
// band's rate applies only to the part of the spend inside the band, the way
// the Enhanced and Premium fees are defined (10% of the first 10,000, 7% of
// the next 70,000, ...); in the [Volume] model the rate of the band the spend
// falls in applies to the whole spend. A band may add a flat amount once the
// spend enters it. The fee for a month is the banded sum raised to the
// minimum and capped at the maximum. [Discount] and [Commitment] adjust fees
// across an invoice's months.
//
// Rounding happens once. The banded sum is computed exactly (minor units times
// rates, in 128-bit integers), compared with the minimum, multiplied by the
// prorated fraction of the month if any, and only then rounded half-even
// (banker's rounding) to the currency's minor unit. Each [Line] of a [Quote]
// shows its own amount rounded half-even as well, for display; because the
// total is rounded from the exact sum, the lines may differ from the total by
// a minor unit.
//
// # Proration
//
// [Price.QuotePeriod] prices a partial month given as a [Period]: a calendar
// month with a first and a last active day. The fee for the whole month is
// computed from the month's spend and multiplied by active days / days in the
// month. The price's [Proration] policy decides which days count:
// [ProrateByDays] (the zero value) counts the active days, [BillToMonthEnd]
// bills a subscription cancelled mid-month to the month's end (the first day
// still counts), and [BillFullMonth] bills every partial month in full.
//
// # Concurrency
//
// Every type in the package is a value type without hidden state; values may
// be shared between goroutines as long as no goroutine modifies them (slices
// and maps inside a value are not copied).
package entitlement
