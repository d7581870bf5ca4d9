// Command billing prices a CSV of accounts and their monthly spend for every
// priced tier of a catalog, with a total per tier: what a billing system
// does with package rules (or with billing.Price alone).
//
//	go run ./examples/billing                        # the bundled accounts.csv
//	go run ./examples/billing -accounts spend.csv    # your own CSV
//	go run ./examples/billing -catalog tiers.yaml    # your own tiers
//
// The CSV starts with a header naming its layout, then one row per account:
// account,monthly_spend with the amount and its currency in one column
// ("85000 USD"), or account,monthly_spend,currency with them apart.
//
// It then invoices a year of a Looker Premier contract renewing into
// Enhanced (looker-contract.yaml, with the spends of its two accounts in
// year.csv) with rules.Engine.Invoice: the contract's own fee until the
// renewal, both tiers prorated in July, a discount and a commitment.
//
// Amounts are exact (integer minor units), rounded half-even once per fee.
package main

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

//go:embed accounts.csv
var bundled []byte

func main() {
	accounts := flag.String("accounts", "", "CSV `file` with a header account,monthly_spend (\"85000 USD\") or account,monthly_spend,currency (default: the bundled accounts.csv)")
	catalog := flag.String("catalog", "", "catalog `file` (default: the embedded catalog)")
	flag.Parse()
	if err := mainErr(*accounts, *catalog); err != nil {
		fmt.Fprintln(os.Stderr, "billing:", err)
		os.Exit(1)
	}
}

func mainErr(accountsFile, catalogFile string) error {
	e := rules.Default()
	if catalogFile != "" {
		var err error
		if e, err = rules.Load(catalogFile); err != nil {
			return err
		}
	}
	src, name := bundled, "accounts.csv"
	if accountsFile != "" {
		var err error
		if src, err = readfile.Read(accountsFile); err != nil {
			return err
		}
		name = accountsFile
	}
	if err := run(os.Stdout, e, name, bytes.NewReader(src)); err != nil {
		return err
	}
	fmt.Println()
	return year(os.Stdout, e)
}

// account is one row of the CSV.
type account struct {
	name  string
	spend money.Money
	at    string // "file:line" of its row, for errors
}

// The two layouts of the CSV, named by its header: the spend's amount and
// currency in one column ("85000 USD") or in two.
var (
	headerTwo   = []string{"account", "monthly_spend"}
	headerThree = []string{"account", "monthly_spend", "currency"}
)

// readAccounts reads the accounts of a CSV named name: a header
// (account,monthly_spend or account,monthly_spend,currency), then one row
// per account. Errors read "name:line: message".
func readAccounts(name string, r io.Reader) ([]account, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked here, to say what was expected
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: empty file: want a header, %s or %s, then one row per account",
			name, strings.Join(headerTwo, ","), strings.Join(headerThree, ","))
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(header[i]))
	}
	if !slices.Equal(header, headerTwo) && !slices.Equal(header, headerThree) {
		return nil, fmt.Errorf("%s:1: header is %q: want %s (\"85000 USD\" in one column) or %s",
			name, strings.Join(header, ","), strings.Join(headerTwo, ","), strings.Join(headerThree, ","))
	}
	var out []account
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d (%s)", name, line, len(rec), len(header), strings.Join(header, ","))
		}
		var spend money.Money
		if len(rec) == 2 {
			spend, err = money.ParseMoney(rec[1])
		} else {
			spend, err = money.ParseAmount(rec[1], strings.TrimSpace(rec[2]))
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: account %q: %w", name, line, rec[0], err)
		}
		out = append(out, account{name: rec[0], spend: spend, at: fmt.Sprintf("%s:%d", name, line)})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no accounts after the header", name)
	}
	return out, nil
}

// csvError positions an error of encoding/csv as "name:line: message".
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %w", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// run prices every account on every tier that has a price.
// name is the CSV's file name, for errors.
func run(w io.Writer, e *rules.Engine, name string, r io.Reader) error {
	accounts, err := readAccounts(name, r)
	if err != nil {
		return err
	}
	var tiers []string
	for _, id := range e.Tiers() {
		if t, err := e.Tier(id); err == nil && t.Price != nil {
			tiers = append(tiers, id)
		}
	}
	totals := make([]money.Money, len(tiers))
	var spendTotal money.Money
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "ACCOUNT\tSPEND\t%s\t\n", strings.ToUpper(strings.Join(tiers, "\t")))
	for _, a := range accounts {
		cells := []string{a.name, a.spend.String()}
		if spendTotal, err = add(spendTotal, a.spend); err != nil {
			return fmt.Errorf("%s: account %q: %w", a.at, a.name, err)
		}
		for i, id := range tiers {
			fee, err := e.Quote(id, a.spend)
			if err != nil {
				return fmt.Errorf("%s: account %q on %s: %w", a.at, a.name, id, err)
			}
			cell := fee.Total.String()
			if fee.MinimumApplied {
				cell += " (min)"
			}
			cells = append(cells, cell)
			if totals[i], err = add(totals[i], fee.Total); err != nil {
				return fmt.Errorf("%s: account %q on %s: %w", a.at, a.name, id, err)
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	cells := []string{"TOTAL", spendTotal.String()}
	for _, t := range totals {
		cells = append(cells, t.String())
	}
	fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n(min): the tier's minimum fee applies.")
	return nil
}

// add sums amounts of one currency; the zero Money starts a sum.
func add(sum, m money.Money) (money.Money, error) {
	if sum.Currency() == "" {
		return m, nil
	}
	return sum.Add(m)
}
