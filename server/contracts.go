package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

// contractDoc is a contract read from a request and the location of its
// zone, in which its dates and the request's instants are read.
type contractDoc struct {
	entitlement.Contract
	loc *time.Location
}

// ContractRequest is the body of POST /v1/eligibility, /v1/plan and
// /v1/entitlements: a contract with the keys of a contract file, and the
// instant of the question, read as a contract file's instants are (a date
// is its first instant in the contract's zone). To, for entitlements
// only, names the tier the contract moved to.
type ContractRequest struct {
	Contract json.RawMessage `json:"contract"`
	At       string          `json:"at"`
	To       string          `json:"to,omitempty"`
}

func readContractRequest(body []byte) (ContractRequest, contractDoc, time.Time, error) {
	var q ContractRequest
	if err := decodeStrict(body, &q); err != nil {
		return q, contractDoc{}, time.Time{}, err
	}
	if q.At == "" {
		return q, contractDoc{}, time.Time{}, badRequest("at", "missing at: the instant of the question")
	}
	c, err := parseContract("contract", q.Contract)
	if err != nil {
		return q, c, time.Time{}, err
	}
	at, err := input.ParseTime(q.At, c.loc)
	if err != nil {
		return q, c, at, badRequest("at", "at: %v", err)
	}
	return q, c, at, nil
}

func decideEligibility(_ context.Context, e *rules.Engine, body []byte) (any, error) {
	_, c, at, err := readContractRequest(body)
	if err != nil {
		return nil, err
	}
	plan, err := e.Plan(c.Contract, at)
	if err != nil {
		return nil, err
	}
	return answer.NewEligibility(c.Tier, at, plan), nil
}

func decideEntitlements(_ context.Context, e *rules.Engine, body []byte) (any, error) {
	q, c, at, err := readContractRequest(body)
	if err != nil {
		return nil, err
	}
	var en rules.Entitlements
	if q.To != "" {
		en, err = e.MovedEntitlements(c.Contract, q.To, at)
	} else {
		en, err = e.Entitlements(c.Contract, at)
	}
	if err != nil {
		return nil, err
	}
	return entitlementsResult(en), nil
}

// InvoiceRequest is the body of POST /v1/invoice: a contract (keys of a
// contract file), the billing months ("2026-01..2026-12") and the monthly
// spends, each with the columns of a spends CSV.
type InvoiceRequest struct {
	Contract json.RawMessage `json:"contract"`
	Months   string          `json:"months"`
	Spends   []SpendRow      `json:"spends"`
}

// SpendRow is one month's spend of an account: month "2026-01", account,
// and spend "85000 USD".
type SpendRow struct {
	Month   string `json:"month"`
	Account string `json:"account"`
	Spend   string `json:"spend"`
}

func decideInvoice(_ context.Context, e *rules.Engine, body []byte) (any, error) {
	var q InvoiceRequest
	if err := decodeStrict(body, &q); err != nil {
		return nil, err
	}
	c, err := parseContract("contract", q.Contract)
	if err != nil {
		return nil, err
	}
	months, err := billing.ParseMonths(q.Months)
	if err != nil {
		return nil, badRequest("months", "months: %v", err)
	}
	spends, err := parseSpends(q.Spends)
	if err != nil {
		return nil, err
	}
	inv, err := e.Invoice(c.Contract, months, spends)
	if err != nil {
		return nil, err
	}
	return answer.NewInvoice(inv), nil
}

// parseSpends reads the rows with package input's reader of spends CSVs,
// as the file month,account,spend with one line per row after the header
// (row i is line i+2 of "spends" in errors).
func parseSpends(rows []SpendRow) ([]billing.Spend, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"month", "account", "spend"})
	for _, r := range rows {
		_ = w.Write([]string{r.Month, r.Account, r.Spend})
	}
	w.Flush()
	return input.ParseSpends("spends", buf.Bytes())
}
