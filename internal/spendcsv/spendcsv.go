// Package spendcsv reads monthly spends per account from CSV, for
// invoices: the tiercel invoice command and examples/billing read the same
// layout with it.
package spendcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
)

// The two layouts of a spends CSV, named by its header.
var (
	spendsHeader    = []string{"month", "account", "spend"}
	spendsHeaderCur = []string{"month", "account", "spend", "currency"}
)

// Read reads the spends CSV src, named name: a header, month,account,spend
// ("2026-01,prod,85000 USD") or month,account,spend,currency
// ("2026-01,prod,85000,USD"), then one row per month and account. Errors
// read "name:line: message".
func Read(name string, src []byte) ([]billing.Spend, error) {
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1 // checked here, to say what was expected
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: empty file: want a header, %s or %s, then one row per month and account",
			name, strings.Join(spendsHeader, ","), strings.Join(spendsHeaderCur, ","))
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(header[i]))
	}
	if !slices.Equal(header, spendsHeader) && !slices.Equal(header, spendsHeaderCur) {
		return nil, fmt.Errorf("%s:1: header is %q: want %s (\"85000 USD\" in one column) or %s",
			name, strings.Join(header, ","), strings.Join(spendsHeader, ","), strings.Join(spendsHeaderCur, ","))
	}
	var out []billing.Spend
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d (%s)", name, line, len(rec), len(header), strings.Join(header, ","))
		}
		month, err := time.Parse("2006-01", strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: month %q: want a month such as 2026-01", name, line, rec[0])
		}
		var spend money.Money
		if len(rec) == 3 {
			spend, err = money.ParseMoney(strings.TrimSpace(rec[2]))
		} else {
			spend, err = money.ParseAmount(strings.TrimSpace(rec[2]), strings.TrimSpace(rec[3]))
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: spend: %w", name, line, err)
		}
		if spend.Sign() < 0 {
			return nil, fmt.Errorf("%s:%d: spend %s is negative", name, line, spend)
		}
		out = append(out, billing.Spend{Year: month.Year(), Month: month.Month(), Account: strings.TrimSpace(rec[1]), Amount: spend})
	}
}

// csvError turns a CSV syntax error into "name:line: message".
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %v", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}
