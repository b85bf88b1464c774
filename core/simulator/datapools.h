#pragma once

#include "core/simulator/simdata.h"

#include <QStringList>
#include <QVector>

namespace mcdesk::sim::pools {

// Realistic, partly hostile text: Unicode names, HTML and spreadsheet formulas, so clients
// prove they show it as plain text and neutralise it in CSV.
const QVector<Person> &internalUsers();
const QVector<Person> &externalSenders();
const QStringList &subjects(); // "{n}" is replaced by a number
const QStringList &bodyLines();
const QVector<Attachment> &attachmentTemplates(); // "{n}" in filename is replaced

} // namespace mcdesk::sim::pools
