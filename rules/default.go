package rules

import (
	_ "embed"
	"sync"
)

//go:embed catalog/default.yaml
var defaultCatalog []byte

var (
	defaultOnce   sync.Once
	defaultEngine *Engine
)

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
	defaultOnce.Do(func() {
		e, err := Compile("default.yaml", defaultCatalog)
		if err != nil {
			panic("tiercel: embedded default catalog: " + err.Error())
		}
		defaultEngine = e
	})
	return defaultEngine
}
