/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A domain definition the test node stores: its XML and the figures the node reports without parsing it. */
#pragma once

#include "libvirt-gobject/config/gvirt-domain-config.h"

G_BEGIN_DECLS

/*
 * Immutable and reference-counted: a running domain shares its definition
 * as its live one, a saved image's definition serves its restore. One block
 * of memory holds the figures, the name, the UUID and the XML, which is what
 * gvirt_domain_config_to_xml() wrote of the configuration, without an id.
 */
typedef struct {
  guint64     max_memory;   /* KiB */
  guint64     memory;       /* KiB, current */
  guint       vcpus;        /* online */
  guint       max_vcpus;    /* <vcpu>: a running domain's ceiling */
  const char *name;
  const char *uuid;         /* canonical */
  const char *xml;
  gsize       id_at;        /* where a running domain's id="N" goes in xml */
  char        quote;        /* around N: that of xml's attributes */
  /* the configuration itself, kept only when xml would not parse back */
  GVirtDomainConfig *config;
} GVirtTestDefinition;

GVirtTestDefinition *_gvirt_test_definition_new       (GVirtDomainConfig    *config,
                                                       GError              **error);
GVirtTestDefinition *_gvirt_test_definition_ref       (GVirtTestDefinition  *def);
void                 _gvirt_test_definition_unref     (GVirtTestDefinition  *def);

char                *_gvirt_test_definition_to_xml    (const GVirtTestDefinition  *def,
                                                       gint                        id,
                                                       GError                    **error);
GVirtDomainConfig   *_gvirt_test_definition_to_config (const GVirtTestDefinition  *def,
                                                       gint                        id,
                                                       GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtTestDefinition, _gvirt_test_definition_unref)

G_END_DECLS
