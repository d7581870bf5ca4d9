package suite

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

func TestQuoteRows(t *testing.T) {
	usd := func(s string) money.Money {
		m, err := money.ParseMoney(s + " USD")
		require.NoError(t, err)
		return m
	}
	got := billing.Quote{
		Tier: "enhanced", Total: usd("6150.00"), Monthly: usd("6150.00"), Banded: usd("6150.00"), Minimum: usd("500.00"),
		BilledDays: 14, Lines: []billing.Line{{Amount: usd("1000.00")}, {Amount: usd("5150.00")}},
	}
	checkRows(t, quoteRows, got, []rowsTest{
		{"all match", "{tier: enhanced, total: 6150 USD, monthly: 6150.00 USD, banded: 6150.00 USD, minimum: 500 USD, " +
			"minimumApplied: false, billedDays: 14, lines: [1000 USD, 5150.00 USD]}", nil},
		{"amounts compare as amounts", "{total: '6,150.0 USD'}", nil},
		{"every row differs, in row order", "{lines: [1 USD], billedDays: 0, minimumApplied: true, minimum: 0 USD, " +
			"banded: 1 USD, monthly: 2 USD, total: 3 USD, tier: premium}", []Mismatch{
			{Field: "tier", Want: "premium", Got: "enhanced"},
			{Field: "total", Want: "3.00 USD", Got: "6150.00 USD"},
			{Field: "monthly", Want: "2.00 USD", Got: "6150.00 USD"},
			{Field: "banded", Want: "1.00 USD", Got: "6150.00 USD"},
			{Field: "minimum", Want: "0.00 USD", Got: "500.00 USD"},
			{Field: "minimumApplied", Want: "true", Got: "false"},
			{Field: "billedDays", Want: "0", Got: "14"},
			{Field: "lines", Want: "[1.00 USD]", Got: "[1000.00 USD, 5150.00 USD]"},
		}},
		{"no lines expected", "{lines: []}", []Mismatch{{Field: "lines", Want: "[]", Got: "[1000.00 USD, 5150.00 USD]"}}},
	})
}

func TestQuoteQuestion(t *testing.T) {
	checkQuestions(t, []questionTest{
		{"a whole month", "quote: {tier: enhanced, spend: 85000 USD}\n    expect: {total: 6150.00 USD, billedDays: 0}", nil},
		{"part of a month is prorated", "quote: {tier: enhanced, spend: 85000 USD, period: 2026-02-15/2026-02-28}\n" +
			"    expect: {monthly: 6150.00 USD, billedDays: 14}", nil},
	})
}
