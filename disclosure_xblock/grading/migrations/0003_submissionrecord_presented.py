# The scenario and exemplar a learner was shown at submit time (see SubmissionRecord.presented).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure_grading', '0002_feedback_history'),
    ]

    operations = [
        migrations.AddField(
            model_name='submissionrecord',
            name='presented',
            field=models.JSONField(default=dict),
        ),
    ]
