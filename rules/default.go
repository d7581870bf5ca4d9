package rules

import (
	_ "embed"
)

//go:embed catalog/default.yaml
var defaultCatalog []byte

// DefaultCatalog returns the YAML source of the embedded default catalog, for
// people who start their own catalog from it.
func DefaultCatalog() []byte { return append([]byte(nil), defaultCatalog...) }

// Default returns the engine of the embedded default catalog: Google Cloud
// Customer Care Standard, Enhanced (alias advanced) and Premium, and the
// legacy Looker Premier tier, with the Looker migration and the Google Cloud
// support roles. Each number cites its public source in the catalog itself.
// The catalog is compiled once, on first use; the engine is shared and safe
// for concurrent use. Default panics only if the embedded catalog does not
// compile, which the package's tests rule out.
func Default() *Engine {
	e, err := shippedDefault.compiled()
	if err != nil {
		panic("tiercel: embedded default catalog: " + err.Error())
	}
	return e
}
