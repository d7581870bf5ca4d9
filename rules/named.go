package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/tiercel/tiercel/fault"
)

//go:embed catalog/aws.yaml
var awsCatalog []byte

// ErrUnknownCatalog is returned by Named and NamedCatalog for a name that is
// not one of Catalogs.
var ErrUnknownCatalog = fault.New(fault.BadRequest, "unknown catalog")

// shipped is a catalog embedded in the package, compiled once on first use.
type shipped struct {
	name   string
	file   string // the file name its errors and rule positions carry
	src    []byte
	once   sync.Once
	engine *Engine
	err    error
}

// compiled returns the catalog's engine, compiling it on the first call;
// every later call returns the same engine (or the same error).
func (s *shipped) compiled() (*Engine, error) {
	s.once.Do(func() { s.engine, s.err = Compile(s.file, s.src) })
	return s.engine, s.err
}

var (
	shippedDefault = &shipped{name: "default", file: "default.yaml", src: defaultCatalog}
	shippedAWS     = &shipped{name: "aws", file: "aws.yaml", src: awsCatalog}
	// shippedCatalogs lists the shipped catalogs in the order Catalogs
	// returns their names.
	shippedCatalogs = []*shipped{shippedDefault, shippedAWS}
)

// Catalogs returns the names of the catalogs shipped in the package, the
// default first: "default" (the catalog of Default) and "aws" (the AWS
// Support plans Developer, Business and Enterprise).
func Catalogs() []string {
	names := make([]string, len(shippedCatalogs))
	for i, s := range shippedCatalogs {
		names[i] = s.name
	}
	return names
}

// lookupShipped returns the shipped catalog called name, or an error
// wrapping ErrUnknownCatalog that lists the names there are.
func lookupShipped(name string) (*shipped, error) {
	for _, s := range shippedCatalogs {
		if s.name == name {
			return s, nil
		}
	}
	return nil, fmt.Errorf("%w %q: the shipped catalogs are %s", ErrUnknownCatalog, name, strings.Join(Catalogs(), ", "))
}

// Named returns the engine of the shipped catalog called name (one of
// Catalogs). Each catalog is compiled once, on first use; every call returns
// the same engine, which is immutable and safe for concurrent use. Named
// ("default") is Default(). An unknown name is an error wrapping
// ErrUnknownCatalog.
func Named(name string) (*Engine, error) {
	s, err := lookupShipped(name)
	if err != nil {
		return nil, err
	}
	return s.compiled()
}

// NamedCatalog returns a copy of the YAML source of the shipped catalog
// called name (one of Catalogs), for people who start their own catalog
// from it. An unknown name is an error wrapping ErrUnknownCatalog.
func NamedCatalog(name string) ([]byte, error) {
	s, err := lookupShipped(name)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), s.src...), nil
}

// UnknownTierError is the error of a tier id or alias the catalog does not
// have. It wraps ErrUnknownTier. When a catalog shipped in the package has
// the tier (a catalog of AWS plans asked about with the default engine),
// Shipped names it, and so does the message: "unknown tier "aws-business"
// (known: standard, ...; the shipped catalog aws has it)"; Named("aws")
// returns that catalog.
type UnknownTierError struct {
	Tier    string   // the id or alias asked for
	Known   []string // the catalog's tier ids, in catalog order
	Shipped []string // the shipped catalogs (of Catalogs) that have the tier
}

// Error returns "unknown tier "T" (known: ...)", naming the shipped
// catalogs that have T.
func (e *UnknownTierError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q (known: %s", ErrUnknownTier, e.Tier, strings.Join(e.Known, ", "))
	for i, name := range e.Shipped {
		sep := "; the shipped catalog "
		if i > 0 {
			sep = "; so does "
		}
		fmt.Fprintf(&b, "%s%s has it", sep, name)
	}
	b.WriteString(")")
	return b.String()
}

// Unwrap returns ErrUnknownTier.
func (e *UnknownTierError) Unwrap() error { return ErrUnknownTier }

// shippedWith returns the names of the shipped catalogs, other than e,
// that have the tier id or alias.
func (e *Engine) shippedWith(idOrAlias string) []string {
	var out []string
	for _, s := range shippedCatalogs {
		other, err := s.compiled()
		if err != nil || other == e {
			continue
		}
		if _, ok := other.tiers[strings.ToLower(idOrAlias)]; ok {
			out = append(out, s.name)
		} else if _, ok := other.tiers[idOrAlias]; ok {
			out = append(out, s.name)
		}
	}
	return out
}
