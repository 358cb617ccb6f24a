/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What the files of the test backend share: the node's structures and internal functions. */
#pragma once

#include "libvirt-gobject/gvirt-backend.h"
#include "gvirt-event-queue-private.h"
#include "gvirt-state-reason-private.h"
#include "gvirt-test-backend.h"
#include "gvirt-test-definition-private.h"

G_BEGIN_DECLS

/*
 * Definitions (GVirtTestDefinition: the XML and the figures get_info
 * reports) are immutable and carry no id (dom->id is put in when one is
 * written out or read back): a change replaces the definition with one made
 * from a changed configuration. So a started domain shares its definition
 * as its live one, a saved image's definition serves its restore, and none
 * of them is copied or parsed on the way.
 */
typedef struct {
  char                *uuid;
  GVirtTestDefinition *config;      /* the persistent (or, if transient, boot) definition */
  GVirtTestDefinition *live;        /* while active: the running definition, often config itself */
  GVirtDomainState     state;       /* running, paused or shutoff */
  GVirtDomainStateReason state_reason; /* why: set with the state, reported in records */
  gint               id;
  gboolean           persistent;
  gboolean           autostart;
  guint64            cpu_time;      /* ns used before running_since */
  gint64             running_since; /* monotonic µs, 0 unless running */
  GPtrArray         *pins;          /* vCPU → GArray of guint host CPUs, NULL = all */
} TestDomain;

typedef struct {
  char               *uuid;
  GVirtNetworkConfig *config;       /* the persistent (or, if transient, start) definition */
  GVirtNetworkConfig *live;         /* while active */
  gboolean            persistent;
  gboolean            autostart;
} TestNetwork;

struct _GVirtTestBackend
{
  GObject parent_instance;

  GMutex         lock;
  gboolean       open;
  gboolean       read_only;
  char          *uri;
  GVirtNodeInfo *info;
  char          *capabilities_xml;
  gint           next_id;

  GHashTable    *domains;          /* uuid → TestDomain (owned) */
  GHashTable    *domain_names;     /* name → TestDomain */
  GPtrArray     *domain_order;     /* TestDomain, in definition order */
  GHashTable    *networks;         /* uuid → TestNetwork (owned) */
  GHashTable    *network_names;    /* name → TestNetwork */
  GPtrArray     *network_order;

  GHashTable    *saved;            /* image XML → the GVirtTestDefinition it was saved from */

  GVirtEventQueue *events;         /* guarded by lock, emitted after it (backends/common) */
};

/* gvirt-test-backend.c */
gboolean            _gvirt_test_enter                (GVirtTestBackend  *self,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

/* gvirt-test-events.c: called locked */
void                _gvirt_test_queue_domain_event   (GVirtTestBackend     *self,
                                                      GVirtDomainEventKind  kind,
                                                      gint                  reason,
                                                      const TestDomain     *dom);
void                _gvirt_test_queue_network_event  (GVirtTestBackend      *self,
                                                      GVirtNetworkEventKind  kind,
                                                      const TestNetwork     *net);

/* gvirt-test-domains.c */
typedef gboolean (*DomainOp) (GVirtTestBackend *self, TestDomain *dom,
                              gconstpointer data, GError **error);

GVirtDomainRecord  *_gvirt_test_domain_record        (const TestDomain    *dom);
gboolean            _gvirt_test_invalid_state        (const TestDomain    *dom,
                                                      const char          *message,
                                                      GError             **error);
void                _gvirt_test_add_domain           (GVirtTestBackend    *self,
                                                      TestDomain          *dom);
guint               _gvirt_test_domain_vcpus         (const TestDomain    *dom);
void                _gvirt_test_domain_replace_current (TestDomain        *dom,
                                                        GVirtTestDefinition *def);
guint64             _gvirt_test_domain_cpu_time      (const TestDomain    *dom);
void                _gvirt_test_fold_cpu_time        (TestDomain          *dom,
                                                      gboolean             keep_running);
void                _gvirt_test_boot_domain          (GVirtTestBackend    *self,
                                                      TestDomain          *dom,
                                                      GVirtTestDefinition *live,
                                                      GVirtDomainState     state);
TestDomain         *_gvirt_test_new_domain           (GVirtTestDefinition *def,
                                                      gboolean             persistent);
gboolean            _gvirt_test_run_domain_op        (GVirtBackend        *backend,
                                                      const char          *uuid,
                                                      DomainOp             op,
                                                      gconstpointer        data,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                _gvirt_test_domains_iface_init   (GVirtBackendInterface *iface);

/* gvirt-test-domain-resources.c */
void                _gvirt_test_domain_resources_iface_init (GVirtBackendInterface *iface);

/* gvirt-test-networks.c */
GVirtNetworkRecord *_gvirt_test_network_record       (const TestNetwork   *net);
void                _gvirt_test_add_network          (GVirtTestBackend    *self,
                                                      TestNetwork         *net);
gboolean            _gvirt_test_normalize_network_config (GVirtTestBackend   *self,
                                                          GVirtNetworkConfig *config,
                                                          gboolean            with_bridge,
                                                          GError            **error);
void                _gvirt_test_assign_bridge        (GVirtTestBackend    *self,
                                                      GVirtNetworkConfig  *config);
TestNetwork        *_gvirt_test_new_network          (GVirtNetworkConfig  *config,
                                                      gboolean             persistent);
void                _gvirt_test_networks_iface_init  (GVirtBackendInterface *iface);

/* Small accessors, inline: most operations ask them. */

static inline gboolean
_gvirt_test_domain_is_active (const TestDomain *dom)
{
  return dom->state != GVIRT_DOMAIN_STATE_SHUTOFF;
}

static inline const char *
_gvirt_test_domain_name (const TestDomain *dom)
{
  return dom->config->name;
}

static inline GVirtTestDefinition *
_gvirt_test_domain_current (const TestDomain *dom)
{
  return dom->live != NULL ? dom->live : dom->config;
}

static inline const char *
_gvirt_test_network_name (const TestNetwork *net)
{
  return gvirt_network_config_get_name (net->config);
}

static inline gboolean
_gvirt_test_network_is_active (const TestNetwork *net)
{
  return net->live != NULL;
}

G_END_DECLS
