/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The test node's events: records of its entries, queued on the shared GVirtEventQueue (backends/common). */
#include "config.h"

#include "gvirt-test-backend-private.h"

void
_gvirt_test_queue_domain_event (GVirtTestBackend     *self,
                                GVirtDomainEventKind  kind,
                                gint                  reason,
                                const TestDomain     *dom)
{
  _gvirt_event_queue_add_domain (self->events, kind, reason, _gvirt_test_domain_record (dom));
}

void
_gvirt_test_queue_network_event (GVirtTestBackend      *self,
                                 GVirtNetworkEventKind  kind,
                                 const TestNetwork     *net)
{
  _gvirt_event_queue_add_network (self->events, kind, _gvirt_test_network_record (net));
}
