/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The connection's direct line to its backend's events. */
#pragma once

#include "gvirt-backend.h"

G_BEGIN_DECLS

/*
 * GVirtBackendListener:
 *
 * What gvirt_backend_emit_domain_event() and
 * gvirt_backend_emit_network_event() call first, in the emitting thread,
 * before the public signals. The connection that owns a backend listens
 * this way rather than through "domain-event": a signal declared on an
 * interface never takes GSignal's single-handler fast path, and the
 * GValue round trip cost more than the rest of a suspend.
 */
typedef struct {
  void (*domain_event)  (gpointer                  data,
                         GVirtDomainEventKind      kind,
                         gint                      reason,
                         const GVirtDomainRecord  *record);
  void (*network_event) (gpointer                  data,
                         GVirtNetworkEventKind     kind,
                         const GVirtNetworkRecord *record);
} GVirtBackendListener;

/* Sets (or, with %NULL, clears) @backend's one listener. Clearing waits
 * for a call in progress in another thread, so @data may go right after. */
void _gvirt_backend_set_listener (GVirtBackend               *backend,
                                  const GVirtBackendListener *listener,
                                  gpointer                    data);

G_END_DECLS
