package input

import (
	"bytes"
	"encoding/csv"
	"errors"
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

// bom is the byte-order mark spreadsheets write at the start of a CSV.
var bom = []byte("\ufeff")

// LoadSpends reads a spends CSV: a header, month,account,spend
// ("2026-01,prod,85000 USD") or month,account,spend,currency
// ("2026-01,prod,85000,USD"), then one row per month and account. A
// leading byte-order mark is skipped. Only regular files of at most 16 MiB
// are read. Errors wrap ErrInvalidSpends: every error found, as an
// ErrorList positioned "file:line:col: column: message", or why the file
// could not be read.
func LoadSpends(path string) ([]billing.Spend, error) {
	return load(path, ErrInvalidSpends, ParseSpends)
}

// ParseSpends reads the spends CSV src (see LoadSpends); name is used in
// error positions.
func ParseSpends(name string, src []byte) ([]billing.Spend, error) {
	errs := newRowErrors(name, ErrInvalidSpends)
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(src, bom)))
	cr.FieldsPerRecord = -1 // checked here, to say what was expected
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	header, ok := spendsHeaderOf(cr, errs)
	if !ok {
		return nil, errs.err()
	}
	var out []billing.Spend
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			csvError(err, errs)
			continue
		}
		if s, ok := spendRow(cr, rec, header, errs); ok {
			out = append(out, s)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// spendsHeaderOf reads and checks the header.
func spendsHeaderOf(cr *csv.Reader, errs rowErrors) ([]string, bool) {
	rec, err := cr.Read()
	if errors.Is(err, io.EOF) {
		errs.add(1, 1, "", "empty file: want a header, %s or %s, then one row per month and account",
			strings.Join(spendsHeader, ","), strings.Join(spendsHeaderCur, ","))
		return nil, false
	}
	if err != nil {
		csvError(err, errs)
		return nil, false
	}
	header := make([]string, len(rec))
	for i := range rec {
		header[i] = strings.ToLower(strings.TrimSpace(rec[i]))
	}
	if !slices.Equal(header, spendsHeader) && !slices.Equal(header, spendsHeaderCur) {
		errs.add(1, 1, "", "header is %q: want %s (\"85000 USD\" in one column) or %s",
			strings.Join(header, ","), strings.Join(spendsHeader, ","), strings.Join(spendsHeaderCur, ","))
		return nil, false
	}
	return header, true
}

// spendRow reads one row of spends, or adds its errors to errs.
func spendRow(cr *csv.Reader, rec, header []string, errs rowErrors) (billing.Spend, bool) {
	line, _ := cr.FieldPos(0)
	if len(rec) != len(header) {
		errs.add(line, 1, "", "%d fields, want %d (%s)", len(rec), len(header), strings.Join(header, ","))
		return billing.Spend{}, false
	}
	col := func(i int) int { _, c := cr.FieldPos(i); return c }
	ok := true
	month, err := time.Parse("2006-01", strings.TrimSpace(rec[0]))
	if err != nil {
		errs.add(line, col(0), "month", "%q: want a month such as 2026-01", rec[0])
		ok = false
	}
	var spend money.Money
	if len(rec) == 3 {
		spend, err = money.ParseMoney(strings.TrimSpace(rec[2]))
	} else {
		spend, err = money.ParseAmount(strings.TrimSpace(rec[2]), strings.TrimSpace(rec[3]))
	}
	switch {
	case err != nil:
		errs.addErr(line, col(2), "spend", err, "%v", err)
		ok = false
	case spend.Sign() < 0:
		errs.add(line, col(2), "spend", "%s is negative", spend)
		ok = false
	}
	return billing.Spend{Year: month.Year(), Month: month.Month(), Account: strings.TrimSpace(rec[1]), Amount: spend}, ok
}

// csvError adds an error of encoding/csv with its position.
func csvError(err error, errs rowErrors) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		errs.addErr(pe.Line, pe.Column, "", pe.Err, "%v", pe.Err)
		return
	}
	errs.addErr(1, 0, "", err, "%v", err)
}
