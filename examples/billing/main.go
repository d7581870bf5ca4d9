// Command billing prices a CSV of accounts and their monthly spend for every
// priced tier of a catalog, with a total per tier: what a billing system
// does with package rules (or with entitlement.Price alone).
//
//	go run ./examples/billing                        # the bundled accounts.csv
//	go run ./examples/billing -accounts spend.csv    # your own: account,monthly_spend,currency
//	go run ./examples/billing -catalog tiers.yaml    # your own tiers
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
	"strings"
	"text/tabwriter"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/rules"
)

//go:embed accounts.csv
var bundled []byte

func main() {
	accounts := flag.String("accounts", "", "CSV `file` of account,monthly_spend,currency (default: the bundled accounts.csv)")
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
	src := bundled
	if accountsFile != "" {
		var err error
		if src, err = readfile.Read(accountsFile); err != nil {
			return err
		}
	}
	return run(os.Stdout, e, bytes.NewReader(src))
}

// account is one row of the CSV.
type account struct {
	name  string
	spend entitlement.Money
}

// readAccounts reads account,monthly_spend,currency rows after a header.
func readAccounts(r io.Reader) ([]account, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 3
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	if strings.Join(header, ",") != "account,monthly_spend,currency" {
		return nil, fmt.Errorf("accounts: header is %q, want account,monthly_spend,currency", strings.Join(header, ","))
	}
	var out []account
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("accounts: %w", err)
		}
		line, _ := cr.FieldPos(1)
		spend, err := entitlement.ParseAmount(rec[1], rec[2])
		if err != nil {
			return nil, fmt.Errorf("accounts: line %d: %w", line, err)
		}
		out = append(out, account{name: rec[0], spend: spend})
	}
}

// run prices every account on every tier that has a price.
func run(w io.Writer, e *rules.Engine, r io.Reader) error {
	accounts, err := readAccounts(r)
	if err != nil {
		return err
	}
	var tiers []string
	for _, id := range e.Tiers() {
		if t, err := e.Tier(id); err == nil && t.Price != nil {
			tiers = append(tiers, id)
		}
	}
	totals := make([]entitlement.Money, len(tiers))
	var spendTotal entitlement.Money
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "ACCOUNT\tSPEND\t%s\t\n", strings.ToUpper(strings.Join(tiers, "\t")))
	for _, a := range accounts {
		cells := []string{a.name, a.spend.String()}
		if spendTotal, err = add(spendTotal, a.spend); err != nil {
			return fmt.Errorf("%s: %w", a.name, err)
		}
		for i, id := range tiers {
			fee, err := e.Quote(id, a.spend)
			if err != nil {
				return fmt.Errorf("%s on %s: %w", a.name, id, err)
			}
			cell := fee.Total.String()
			if fee.MinimumApplied {
				cell += " (min)"
			}
			cells = append(cells, cell)
			if totals[i], err = add(totals[i], fee.Total); err != nil {
				return fmt.Errorf("%s on %s: %w", a.name, id, err)
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
func add(sum, m entitlement.Money) (entitlement.Money, error) {
	if sum.Currency() == "" {
		return m, nil
	}
	return sum.Add(m)
}
