package rules

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

func TestNamedCatalogs(t *testing.T) {
	assert.Equal(t, []string{"default", "aws"}, Catalogs())

	tests := []struct {
		name  string
		tiers []string
	}{
		{"default", []string{"standard", "enhanced", "premium", "looker-premier"}},
		{"aws", []string{"aws-developer", "aws-business", "aws-enterprise"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Named(tt.name)
			require.NoError(t, err)
			assert.Equal(t, tt.tiers, e.Tiers())
			again, err := Named(tt.name)
			require.NoError(t, err)
			assert.Same(t, e, again, "Named compiles once and shares the engine")

			src, err := NamedCatalog(tt.name)
			require.NoError(t, err)
			fresh, err := Compile(tt.name+".yaml", src)
			require.NoError(t, err, "the source NamedCatalog returns compiles")
			assert.Equal(t, tt.tiers, fresh.Tiers())
			src[0] = '!'
			src2, err := NamedCatalog(tt.name)
			require.NoError(t, err)
			assert.NotEqual(t, byte('!'), src2[0], "NamedCatalog returns a copy")
		})
	}

	t.Run("default is Default", func(t *testing.T) {
		e, err := Named("default")
		require.NoError(t, err)
		assert.Same(t, Default(), e)
		src, err := NamedCatalog("default")
		require.NoError(t, err)
		assert.Equal(t, DefaultCatalog(), src)
	})
}

func TestNamedUnknownCatalog(t *testing.T) {
	for _, name := range []string{"", "AWS", "aws.yaml", "rules/catalog/aws.yaml", "builtin:aws", " aws", "gcp"} {
		t.Run(name, func(t *testing.T) {
			e, err := Named(name)
			require.ErrorIs(t, err, ErrUnknownCatalog)
			assert.Nil(t, e)
			assert.EqualError(t, err, `unknown catalog "`+name+`": the shipped catalogs are default, aws`)
			src, err := NamedCatalog(name)
			require.ErrorIs(t, err, ErrUnknownCatalog)
			assert.Nil(t, src)
		})
	}
}

// The shared engines answer from many goroutines at once (run with -race).
func TestNamedConcurrentUse(t *testing.T) {
	opened := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	engines := make([]*Engine, 16)
	errs := make([]error, 16)
	dues := make([]time.Time, 16)
	for i := range engines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := Catalogs()[i%2]
			e, err := Named(name)
			if err != nil {
				errs[i] = err
				return
			}
			engines[i] = e
			tier := map[string]string{"default": "premium", "aws": "aws-enterprise"}[name]
			d, err := e.Deadline(Case{Tier: tier, Priority: slo.P1, Opened: opened})
			errs[i], dues[i] = err, d.Due
		}()
	}
	wg.Wait()
	for i := range engines {
		require.NoError(t, errs[i])
		assert.Same(t, engines[i%2], engines[i])
		assert.Equal(t, opened.Add(15*time.Minute), dues[i], "P1 is 15m on premium and on aws-enterprise")
	}
}

// Every tier of the aws catalog cites the AWS page its numbers come from,
// and what no public page gives is marked ASSUMED.
func TestAWSCatalogCitesSources(t *testing.T) {
	e, err := Named("aws")
	require.NoError(t, err)
	for _, id := range e.Tiers() {
		tr, err := e.Tier(id)
		require.NoError(t, err)
		assert.Contains(t, tr.Source, "aws.amazon.com/premiumsupport/plans/", "tier %s must cite its response times", id)
		assert.Contains(t, tr.Source, "aws.amazon.com/premiumsupport/pricing/", "tier %s must cite its price", id)
		assert.Contains(t, tr.Source, "ASSUMED", "tier %s: the proration is an assumption", id)
	}
	src, err := NamedCatalog("aws")
	require.NoError(t, err)
	assert.Contains(t, string(src), "ASSUMED which public holidays")
	assert.Contains(t, string(src), "a P1 case on Enterprise is ASSUMED to be\n#       business critical")
}

// BenchmarkCompileShipped compiles each shipped catalog from its source, as
// Named does once per catalog on first use.
func BenchmarkCompileShipped(b *testing.B) {
	for _, name := range Catalogs() {
		src, err := NamedCatalog(name)
		require.NoError(b, err)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Compile(name+".yaml", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNamed is the cost of Named after the first call: a lookup by
// name, no compilation.
func BenchmarkNamed(b *testing.B) {
	_, err := Named("aws")
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Named("aws"); err != nil {
			b.Fatal(err)
		}
	}
}

// An unknown tier that a shipped catalog has names that catalog, so that
// "aws-business" asked of the default engine says where it is.
func TestUnknownTierNamesTheShippedCatalog(t *testing.T) {
	aws, err := Named("aws")
	require.NoError(t, err)
	custom, err := Compile("t.yaml", []byte("tiers:\n  x:\n    name: X\n    response: {P1: 1h 24x7}\n"))
	require.NoError(t, err)
	tests := []struct {
		name    string
		e       *Engine
		tier    string
		shipped []string
		msg     string
	}{
		{"aws tier asked of the default", Default(), "aws-business", []string{"aws"},
			`unknown tier "aws-business" (known: standard, enhanced, premium, looker-premier; the shipped catalog aws has it)`},
		{"default tier asked of aws, any case", aws, "Enhanced", []string{"default"},
			`unknown tier "Enhanced" (known: aws-developer, aws-business, aws-enterprise; the shipped catalog default has it)`},
		{"a custom catalog", custom, "premium", []string{"default"}, `unknown tier "premium" (known: x; the shipped catalog default has it)`},
		{"in none", Default(), "gold", nil, `unknown tier "gold" (known: standard, enhanced, premium, looker-premier)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.e.Deadline(Case{Tier: tt.tier, Priority: slo.P1, Opened: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)})
			require.ErrorIs(t, err, ErrUnknownTier)
			var ut *UnknownTierError
			require.ErrorAs(t, err, &ut)
			assert.Equal(t, tt.shipped, ut.Shipped)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, fault.Undecidable, fault.Of(err))
		})
	}
}
