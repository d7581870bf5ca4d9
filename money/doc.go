// Package money holds exact amounts of money and exact rates: the
// arithmetic every price, quote and invoice of tiercel is built on.
//
// The package is pure Go and imports nothing of the project; package
// billing prices spends with it and package entitlement holds contracts
// whose spends and fees are amounts of it.
//
// # Money
//
// [Money] is exact: an int64 count of minor units (cents for USD, yen for
// JPY, fils for BHD) and an ISO 4217 currency code. It never uses float64.
// [ParseMoney] reads "85000.50 USD"; [Money.String] writes the amount with
// the currency's minor digits ("6150.00 USD", "1000 JPY"). Commas are accepted
// as thousands separators only when every group has exactly three digits
// ("1,200,000 USD"), so "85,000.50 USD" parses but "85,00 USD" is an error;
// the decimal separator is always a point.
//
// A [CurrencyID] names a currency of the package's table by a small
// integer; [FromMinor] and [Money.CurrencyID] let code that builds many
// amounts of one currency (a price's bands, an invoice's lines) do so
// without looking the code up each time.
//
// # Rates
//
// A [Rate] is an exact percentage with up to six decimal places ("7%",
// "2.5%", "0.125%"), between 0% and 100%. [Rate.MicroPercent] and
// [RateScale] give it as the exact fraction MicroPercent / RateScale, so
// that an amount times a rate is computed in integers.
//
// # Concurrency
//
// Money, CurrencyID and Rate are small value types without hidden state;
// they are safe to copy and to share between goroutines.
package money
