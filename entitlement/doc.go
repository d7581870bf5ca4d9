// Package entitlement holds the plain data that describes a support
// contract and what it entitles to: the [Contract] itself, whether it may
// migrate ([Eligibility]), which [Features] a tier has, and who may act on
// a case ([Principal], [Decision]).
//
// The package is pure Go: it knows nothing about YAML or CEL. Package rules
// compiles a catalog into an engine that answers with the types defined
// here. A contract's spend is a [money.Money] and its own billing terms are
// a [billing.Billing]; prices, quotes and invoices live in package
// [github.com/tiercel/tiercel/billing].
//
// # Concurrency
//
// Every type in the package is a value type without hidden state; values may
// be shared between goroutines as long as no goroutine modifies them (slices
// and maps inside a value are not copied).
package entitlement
