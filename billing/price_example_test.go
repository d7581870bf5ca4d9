package billing

import (
	"fmt"

	"github.com/tiercel/tiercel/money"
)

// A volume price charges the whole spend at the rate of the band it falls
// in, so the fee can drop when the spend crosses into a cheaper band.
func ExamplePrice_volume() {
	p := Price{
		Currency: "USD",
		Model:    Volume,
		Bands: []Band{
			{UpTo: money.MustParseMoney("10,000 USD"), Rate: money.MustParseRate("10%")},
			{UpTo: money.MustParseMoney("80,000 USD"), Rate: money.MustParseRate("7%")},
			{Unbounded: true, Rate: money.MustParseRate("5%")},
		},
	}
	for _, spend := range []string{"10,000 USD", "10,000.01 USD", "85,000 USD"} {
		q, err := p.Quote(money.MustParseMoney(spend))
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		for _, l := range q.Lines {
			if !l.Spend.IsZero() {
				fmt.Printf("%s: %s of %s = %s\n", q.Spend, l.Rate, l.Spend, q.Total)
			}
		}
	}
	// Output:
	// 10000.00 USD: 10% of 10000.00 USD = 1000.00 USD
	// 10000.01 USD: 7% of 10000.01 USD = 700.00 USD
	// 85000.00 USD: 5% of 85000.00 USD = 4250.00 USD
}

// Flat amounts are charged once per band the spend enters; these bands are
// Lago's graduated percentage example (1% + 200, 2% + 300, 3% + 400).
func ExampleBand_flat() {
	p := Price{
		Currency: "USD",
		Bands: []Band{
			{UpTo: money.MustParseMoney("1,000 USD"), Rate: money.MustParseRate("1%"), Flat: money.MustParseMoney("200 USD")},
			{UpTo: money.MustParseMoney("10,000 USD"), Rate: money.MustParseRate("2%"), Flat: money.MustParseMoney("300 USD")},
			{Unbounded: true, Rate: money.MustParseRate("3%"), Flat: money.MustParseMoney("400 USD")},
		},
	}
	q, err := p.Quote(money.MustParseMoney("1,050 USD"))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, l := range q.Lines {
		fmt.Printf("%-2s of %s + %s = %s\n", l.Rate, l.Spend, l.Flat, l.Amount)
	}
	fmt.Println("total:", q.Total)
	// Output:
	// 1% of 1000.00 USD + 200.00 USD = 210.00 USD
	// 2% of 50.00 USD + 300.00 USD = 301.00 USD
	// 3% of 0.00 USD + 0.00 USD = 0.00 USD
	// total: 511.00 USD
}

// A maximum caps the fee as the minimum floors it.
func ExamplePrice_maximum() {
	p := Price{
		Currency: "USD",
		Minimum:  money.MustParseMoney("100 USD"),
		Maximum:  money.MustParseMoney("5,000 USD"),
		Bands:    []Band{{Unbounded: true, Rate: money.MustParseRate("10%")}},
	}
	for _, spend := range []string{"500 USD", "20,000 USD", "85,000 USD"} {
		q, err := p.Quote(money.MustParseMoney(spend))
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%s: banded %s, fee %s (minimum %t, maximum %t)\n",
			q.Spend, q.Banded, q.Total, q.MinimumApplied, q.MaximumApplied)
	}
	// Output:
	// 500.00 USD: banded 50.00 USD, fee 100.00 USD (minimum true, maximum false)
	// 20000.00 USD: banded 2000.00 USD, fee 2000.00 USD (minimum false, maximum false)
	// 85000.00 USD: banded 8500.00 USD, fee 5000.00 USD (minimum false, maximum true)
}
