package server

import (
	"sync/atomic"

	"github.com/tiercel/tiercel/rules"
)

// tierIndex maps every tier id and alias of one engine to the tier's id:
// rules.Engine.Tier answers the same but copies the whole tier (targets,
// features, prices), which a deadline only needs the id of.
type tierIndex struct {
	engine *rules.Engine
	ids    map[string]string
}

// lastTierIndex is the index of the engine that last asked: a reload makes
// a new engine, whose first deadline builds its index once. An index is
// never changed once published.
var lastTierIndex atomic.Pointer[tierIndex]

// tierID returns the id of the tier e knows by idOrAlias, or idOrAlias
// when e knows no such tier. A name the index lacks as written (an alias
// in other letter case) is asked of e.Tier, whose rules it follows.
func tierID(e *rules.Engine, idOrAlias string) string {
	idx := lastTierIndex.Load()
	if idx == nil || idx.engine != e {
		idx = newTierIndex(e)
		lastTierIndex.Store(idx)
	}
	if id, ok := idx.ids[idOrAlias]; ok {
		return id
	}
	if t, err := e.Tier(idOrAlias); err == nil {
		return t.ID
	}
	return idOrAlias
}

func newTierIndex(e *rules.Engine) *tierIndex {
	idx := &tierIndex{engine: e, ids: map[string]string{}}
	for _, id := range e.Tiers() {
		t, err := e.Tier(id)
		if err != nil {
			continue
		}
		idx.ids[id] = id
		for _, a := range t.Aliases {
			idx.ids[a] = id
		}
	}
	return idx
}
