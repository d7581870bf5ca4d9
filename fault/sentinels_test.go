package fault_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/internal/ics"
	"github.com/tiercel/tiercel/internal/loadgen"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
	"github.com/tiercel/tiercel/suite"
)

// sentinels is every exported Err* variable of the library with the class
// it belongs to, keyed by "package-dir.Name". TestEverySentinelHasAClass
// finds the variables in the sources, so a new sentinel missing here fails.
var sentinels = map[string]struct {
	err   error
	class fault.Class
}{
	"slo.ErrInvalidCalendar":  {slo.ErrInvalidCalendar, fault.BadRequest},
	"slo.ErrPriority":         {slo.ErrPriority, fault.BadRequest},
	"slo.ErrEffect":           {slo.ErrEffect, fault.BadRequest},
	"slo.ErrSpans":            {slo.ErrSpans, fault.BadRequest},
	"slo.ErrDays":             {slo.ErrDays, fault.BadRequest},
	"slo.ErrDate":             {slo.ErrDate, fault.BadRequest},
	"slo.ErrUnknownCountry":   {slo.ErrUnknownCountry, fault.BadRequest},
	"slo.ErrUnknownZone":      {slo.ErrUnknownZone, fault.BadRequest},
	"slo.ErrTarget":           {slo.ErrTarget, fault.BadRequest},
	"slo.ErrDurationOverflow": {slo.ErrDurationOverflow, fault.Limit},
	"slo.ErrExplainLimit":     {slo.ErrExplainLimit, fault.Limit},

	"internal/readfile.ErrNotRegular": {readfile.ErrNotRegular, fault.BadInput},
	"internal/readfile.ErrTooLarge":   {readfile.ErrTooLarge, fault.Limit},
	"internal/ics.ErrInvalid":         {ics.ErrInvalid, fault.BadInput},
	"internal/ics.ErrTooLarge":        {ics.ErrTooLarge, fault.Limit},

	"rules.ErrInvalidCatalog":  {rules.ErrInvalidCatalog, fault.BadInput},
	"rules.ErrNotRegularFile":  {rules.ErrNotRegularFile, fault.BadInput},
	"rules.ErrInputTooLarge":   {rules.ErrInputTooLarge, fault.Limit},
	"rules.ErrUnknownCatalog":  {rules.ErrUnknownCatalog, fault.BadRequest},
	"rules.ErrInvalidCase":     {rules.ErrInvalidCase, fault.BadRequest},
	"rules.ErrNoEngine":        {rules.ErrNoEngine, fault.BadRequest},
	"rules.ErrInvalidZone":     {rules.ErrInvalidZone, fault.BadRequest},
	"rules.ErrInvalidEvent":    {rules.ErrInvalidEvent, fault.BadRequest},
	"rules.ErrInvalidScope":    {rules.ErrInvalidScope, fault.BadRequest},
	"rules.ErrInvalidContract": {rules.ErrInvalidContract, fault.BadRequest},
	"rules.ErrUnknownTier":     {rules.ErrUnknownTier, fault.Undecidable},
	"rules.ErrNoTarget":        {rules.ErrNoTarget, fault.Undecidable},
	"rules.ErrZoneRequired":    {rules.ErrZoneRequired, fault.Undecidable},
	"rules.ErrCountryRequired": {rules.ErrCountryRequired, fault.Undecidable},
	"rules.ErrInvalidICS":      {rules.ErrInvalidICS, fault.BadInput},
	"rules.ErrICSTooLarge":     {rules.ErrICSTooLarge, fault.Limit},
	"rules.ErrICSWithoutFile":  {rules.ErrICSWithoutFile, fault.BadInput},
	"rules.ErrUnknownCalendar": {rules.ErrUnknownCalendar, fault.Undecidable},
	"rules.ErrEvaluation":      {rules.ErrEvaluation, fault.Undecidable},
	"rules.ErrUnknownAction":   {rules.ErrUnknownAction, fault.Undecidable},
	"rules.ErrNoPrice":         {rules.ErrNoPrice, fault.Undecidable},
	"rules.ErrNotEligible":     {rules.ErrNotEligible, fault.Undecidable},
	"rules.ErrCostLimit":       {rules.ErrCostLimit, fault.Limit},

	"money.ErrMalformedRate":    {money.ErrMalformedRate, fault.BadRequest},
	"money.ErrMalformedMoney":   {money.ErrMalformedMoney, fault.BadRequest},
	"money.ErrUnknownCurrency":  {money.ErrUnknownCurrency, fault.BadRequest},
	"money.ErrCurrencyMismatch": {money.ErrCurrencyMismatch, fault.BadRequest},
	"money.ErrOverflow":         {money.ErrOverflow, fault.Limit},

	"billing.ErrInvalidPrice":  {billing.ErrInvalidPrice, fault.BadRequest},
	"billing.ErrNegativeSpend": {billing.ErrNegativeSpend, fault.BadRequest},
	"billing.ErrInvalidPeriod": {billing.ErrInvalidPeriod, fault.BadRequest},
	"billing.ErrInvalidTerms":  {billing.ErrInvalidTerms, fault.BadRequest},

	"answer.ErrUnprintable": {answer.ErrUnprintable, fault.Limit},
	"answer.ErrConvention":  {answer.ErrConvention, fault.BadInput},

	"suite.ErrInvalidSuite": {suite.ErrInvalidSuite, fault.BadInput},

	"input.ErrInvalidFile":          {input.ErrInvalidFile, fault.BadInput},
	"input.ErrInvalidCaseFile":      {input.ErrInvalidCaseFile, fault.BadInput},
	"input.ErrInvalidHistory":       {input.ErrInvalidHistory, fault.BadInput},
	"input.ErrInvalidContract":      {input.ErrInvalidContract, fault.BadInput},
	"input.ErrInvalidSpends":        {input.ErrInvalidSpends, fault.BadInput},
	"input.ErrInvalidZendesk":       {input.ErrInvalidZendesk, fault.BadInput},
	"input.ErrInvalidFreshdesk":     {input.ErrInvalidFreshdesk, fault.BadInput},
	"input.ErrInvalidTime":          {input.ErrInvalidTime, fault.BadRequest},
	"input.ErrYAMLTooLarge":         {input.ErrYAMLTooLarge, fault.Limit},
	"input.ErrInvalidZendeskEvents": {input.ErrInvalidZendeskEvents, fault.BadInput},
	"audit.ErrAudit":                {audit.ErrAudit, fault.BadRequest},
	"server.ErrInsecure":            {server.ErrInsecure, fault.BadRequest},
	"server.ErrAddress":             {server.ErrAddress, fault.BadRequest},
	"server.ErrTokenFile":           {server.ErrTokenFile, fault.BadInput},
	"server.ErrTLSFiles":            {server.ErrTLSFiles, fault.BadInput},
	"internal/loadgen.ErrConfig":    {loadgen.ErrConfig, fault.BadRequest},
	"client.ErrUnauthorized":        {client.ErrUnauthorized, fault.BadRequest},
	"client.ErrTooLarge":            {client.ErrTooLarge, fault.Limit},
	"client.ErrUnavailable":         {client.ErrUnavailable, fault.Internal},
	"client.ErrUnsupported":         {client.ErrUnsupported, fault.BadRequest},
	"client.ErrRevisionChanged":     {client.ErrRevisionChanged, fault.Internal},
}

// exportedSentinels returns "dir.Name" for every exported package-level
// variable named Err* in the module's library packages (every directory
// but cmd, examples, testdata and this one), read from the sources.
func exportedSentinels(t *testing.T) []string {
	t.Helper()
	var names []string
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			base := d.Name()
			if path != ".." && (strings.HasPrefix(base, ".") || base == "testdata" || base == "cmd" || base == "examples" || base == "fault") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(strings.TrimPrefix(path, "../")))
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					if strings.HasPrefix(n.Name, "Err") && n.IsExported() {
						names = append(names, dir+"."+n.Name)
					}
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	return names
}

func TestEverySentinelHasAClass(t *testing.T) {
	found := exportedSentinels(t)
	require.NotEmpty(t, found)
	for _, name := range found {
		t.Run(name, func(t *testing.T) {
			s, ok := sentinels[name]
			require.True(t, ok, "%s has no row in sentinels: give it a class with fault.New and add it here", name)
			assert.Equal(t, s.class, fault.Of(s.err), "class of %s", name)
		})
	}
	for name := range sentinels {
		assert.Contains(t, found, name, "a row for a sentinel that no longer exists")
	}
}
