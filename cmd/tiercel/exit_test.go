package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// exitFiles writes the inputs of TestExitStatusByClass: a catalog whose
// tiers' deadlines lie centuries apart, one whose fees overflow, a history
// and spends to go with them, and a case file whose clocks run 9998 years.
func exitFiles(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"slow.yaml": "calendars:\n  rare: {zone: UTC, hours: {mon: \"09:00-10:00\"}}\ntiers:\n" +
			"  fast: {name: Fast, response: {P1: 87600h 24x7}}\n  slow: {name: Slow, response: {P1: 87600h rare}}\n",
		"huge.yaml": "tiers:\n  basic:\n    name: Basic\n    response: {P1: 1h 24x7}\n" +
			"    price: {currency: USD, bands: [{upTo: \"1\", flat: \"90000000000000000\", rate: 1%}, {flat: \"90000000000000000\", rate: 1%}]}\n",
		"one.csv":  "opened,priority\n2026-03-02T09:00:00Z,P1\n",
		"huge.csv": "month,account,spend,currency\n2026-01,prod,90000000000000000,USD\n2026-01,dev,90000000000000000,USD\n",
		"far.yaml": "tier: standard\npriority: P1\nzone: UTC\nopened: 0001-03-05T10:00:00Z\nnow: 9999-03-10T12:00:00Z\n",
	}
	for name, src := range files {
		files[name] = filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(files[name], []byte(src), 0o600))
	}
	return files
}

// One error class gives one exit status on every command (fault.Class ->
// exitStatus): a usage mistake or malformed value 2, a bad input file 3,
// a question the catalog cannot decide 4, a limit passed 5. Rows are
// every command's reachable errors of each class; check and test decide
// nothing, so they have no undecidable or limit rows.
func TestExitStatusByClass(t *testing.T) {
	f := exitFiles(t)
	opened := []string{"--priority", "P1", "--opened", "2026-03-02T10:00:00Z", "--zone", "UTC"}
	contract, spends := invoiceData+"enhanced-contract.yaml", invoiceData+"two-months.csv"
	rows := map[fault.Class]map[string][]string{
		fault.BadRequest: {}, // every command: --output xml
		fault.BadInput: {
			"check":       {"check", "testdata/no-such-catalog.yaml"}, // an invalid one is a failed check: 1
			"test":        {"test", "testdata/badsuite_test.yaml"},
			"deadline":    append([]string{"deadline", "--catalog", "testdata/bad.yaml", "--tier", "standard"}, opened...),
			"timeline":    {"timeline", "testdata/bad-case.yaml"},
			"compare":     {"compare", "--catalog", "testdata/bad.yaml", "standard", "enhanced"},
			"replay":      {"replay", "--from", "looker-premier", "--to", "enhanced", "testdata/badcases.csv"},
			"quote":       {"quote", "--catalog", "testdata/bad.yaml", "standard", "1 USD"},
			"invoice":     {"invoice", invoiceData + "bad-contract.yaml", spends},
			"eligibility": {"eligibility", "--catalog", "testdata/bad.yaml", "--tier", "standard", "--renewal", "2026-09-01"},
			"allowed":     {"allowed", "--catalog", "testdata/bad.yaml", "cases.create"},
			"diff":        {"diff", "testdata/bad.yaml", "testdata/diff/new.yaml"},
		},
		fault.Undecidable: {
			"deadline":    append([]string{"deadline", "--tier", "gold"}, opened...),
			"timeline":    {"timeline", "testdata/case.yaml"}, // tier std: not in the default catalog
			"compare":     {"compare", "standard", "gold"},
			"replay":      {"replay", "--from", "looker-premier", "--to", "gold", "testdata/badcases.csv"},
			"quote":       {"quote", "looker-premier", "85000 USD"}, // no price
			"invoice":     {"invoice", "--builtin", "aws", contract, spends},
			"eligibility": {"eligibility", "--tier", "gold", "--renewal", "2026-09-01"},
			"allowed":     {"allowed", "cases.delete"},
		},
		fault.Limit: {
			"deadline": append([]string{"deadline", "--tier", "standard", "--now", "9999-03-02T10:00:00Z"}, opened...),
			"timeline": {"timeline", f["far.yaml"]},
			"replay":   {"replay", "--catalog", f["slow.yaml"], "--from", "fast", "--to", "slow", f["one.csv"]},
			"quote":    {"quote", "--catalog", f["huge.yaml"], "basic", "10 USD"},
			"invoice":  {"invoice", contract, f["huge.csv"]},
			// diff has no limit to pass: its fee differences stop at the
			// largest spend both prices can quote (billing.DiffFees).
		},
	}
	for _, cmd := range commands {
		rows[fault.BadRequest][cmd.name] = []string{cmd.name, "--output", "xml"}
	}
	for class, byCommand := range rows {
		for name, args := range byCommand {
			t.Run(class.String()+"/"+name, func(t *testing.T) {
				_, stderr, code := runCmd(t, args...)
				assert.Equal(t, exitStatus(class), code, "stderr:\n%s", stderr)
				assert.NotEmpty(t, stderr, "an error says what it is")
			})
		}
	}
}

// exit maps every class, for every command, to its status, and prints
// the error; an unclassified error is internal.
func TestExitOfEachClass(t *testing.T) {
	want := map[fault.Class]int{fault.Internal: 6, fault.BadRequest: 2, fault.BadInput: 3, fault.Undecidable: 4, fault.Limit: 5}
	errs := map[fault.Class]error{
		fault.Internal:    errors.New("disk on fire"),
		fault.BadRequest:  fmt.Errorf("--priority: %w", slo.ErrPriority),
		fault.BadInput:    fmt.Errorf("%w: x.yaml", rules.ErrInvalidCatalog),
		fault.Undecidable: fmt.Errorf("%w %q", rules.ErrUnknownTier, "gold"),
		fault.Limit:       fmt.Errorf("elapsed: %w", slo.ErrDurationOverflow),
	}
	require.Len(t, want, len(fault.Classes()))
	for _, cmd := range commands {
		for class, err := range errs {
			t.Run(cmd.name+"/"+class.String(), func(t *testing.T) {
				var stderr bytes.Buffer
				c := &cli{name: cmd.name, stderr: &stderr}
				assert.Equal(t, want[class], c.exit(err))
				assert.Contains(t, stderr.String(), err.Error())
			})
		}
	}
	assert.Equal(t, exitFail, (&cli{}).exit(errFailed), "a 'no' is an answer, not an error")
	assert.Equal(t, exitOK, (&cli{}).exit(nil))
}
