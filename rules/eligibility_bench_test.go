package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

// BenchmarkQuote prices the Enhanced worked example through the engine.
func BenchmarkQuote(b *testing.B) {
	e := Default()
	spend := money.MustParseMoney("85000 USD")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Quote("enhanced", spend); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEligibility answers Eligibility for a Looker Premier contract
// in Los Angeles: one applies expression, two timestamps, three Compare,
// three quotes and the effects of the move over a year (seven distinct
// pairs of clocks).
func BenchmarkEligibility(b *testing.B) {
	benchEligibility(b, "America/Los_Angeles")
}

// BenchmarkEligibilityNoZone answers Eligibility for the same contract
// without a zone: the nominal answer alone, as before effects.
func BenchmarkEligibilityNoZone(b *testing.B) {
	benchEligibility(b, "")
}

func benchEligibility(b *testing.B, zone string) {
	e := Default()
	c := lookerContract()
	c.Zone = zone
	at := time.Date(2023, 9, 15, 0, 0, 0, 0, time.UTC)
	el, err := e.Eligibility(c, at)
	require.NoError(b, err)
	require.Equal(b, "enhanced", el.Recommended)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Eligibility(c, at); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuoteMillionContracts prices a million contracts with varied
// spends, across the three priced tiers of the default catalog, through
// Engine.Quote in each iteration, and reports the cost per contract.
func BenchmarkQuoteMillionContracts(b *testing.B) {
	const n = 1_000_000
	e := Default()
	tiers := [...]string{"standard", "enhanced", "premium"}
	spends := make([]money.Money, n)
	for i := range spends {
		// Spends from 0 to 2,000,000.00 USD, spread over every band.
		minor := int64(uint64(i) * 2654435761 % 200_000_000)
		m, err := money.NewMoney(minor, "USD")
		require.NoError(b, err)
		spends[i] = m
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, s := range spends {
			if _, err := e.Quote(tiers[i%len(tiers)], s); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/contract")
}
