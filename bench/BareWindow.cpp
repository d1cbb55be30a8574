// SPDX-License-Identifier: Apache-2.0
// The baseline of the whole-process startup benchmark (scripts/bench-startup.py): the least a Qt Widgets program can
// do to show a window, sized like Assay's, and quit once it has painted it. Same Qt, same platform plugin.
#include <QApplication>
#include <QTimer>
#include <QWidget>

namespace {

class PaintedOnce : public QWidget
{
protected:
    void paintEvent(QPaintEvent* event) override
    {
        QWidget::paintEvent(event);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }
};

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    PaintedOnce window;
    window.resize(1400, 900);
    window.show();
    return QApplication::exec();
}
