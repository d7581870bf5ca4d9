// Package billing prices support tiers and bills them: prices and their
// pricing models, price books and their versions, proration of partial
// months, billing terms (discounts and commitments) and invoices.
//
// The package is pure Go: it knows nothing about YAML or CEL. Package rules
// compiles a catalog into an engine that fills in the types defined here;
// billing systems may use the prices on their own. Amounts and rates are
// those of package [github.com/tiercel/tiercel/money].
//
// # Prices
//
// A [Price] has a minimum fee, an optional maximum, and [Band]s, each with
// a [money.Rate]. In the [Graduated] model (the default) each band's rate
// applies only to the part of the spend inside the band, the way the
// Enhanced and Premium fees are defined (10% of the first 10,000, 7% of the
// next 70,000, ...); in the [Volume] model the rate of the band the spend
// falls in applies to the whole spend. A band may add a flat amount once the
// spend enters it. The fee for a month is the banded sum raised to the
// minimum and capped at the maximum. [Discount] and [Commitment] adjust fees
// across an invoice's months. A [PriceBook] holds the versions of a price by
// the date they take effect, and a [VersionPolicy] says which one a
// contract pays.
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
// The rules say how a subscription that starts or ends inside a month is
// billed; an invoice applies them to the month of a contract's start, and
// bills the month of a move to another tier by days on each side of the
// move (see the rules package's Engine.Invoice), so that no month bills two
// tiers' full fees.
//
// # Invoices
//
// [Billing.Apply] turns the fee lines of consecutive [Months] into an
// [Invoice]: it adds the contract's discounts and commitments as lines of
// their own ([ChargeKind]) and totals them. [Invoice.Warnings] carries what
// the engine noticed without refusing the invoice: months before the
// contract's start, billed months without a spend row, spends outside the
// months.
//
// # Concurrency
//
// Every type in the package is a value type without hidden state; values may
// be shared between goroutines as long as no goroutine modifies them (slices
// and maps inside a value are not copied).
package billing
